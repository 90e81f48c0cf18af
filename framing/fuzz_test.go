package framing

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"testing"
)

// FuzzReader reads any stream in any mode, limit and read size, and checks
// what a receiver relies on: the reader ends, never returns more than
// MaxSize bytes, and every frame it returns whole is where Offset says it
// is in the stream.
func FuzzReader(f *testing.F) {
	for _, tt := range readerTests {
		f.Add([]byte(tt.in), byte(tt.r.Mode), uint8(tt.r.MaxSize), uint8(3))
	}
	f.Fuzz(func(t *testing.T, stream []byte, mode, maxSize, chunk uint8) {
		r := Reader{Mode: Mode(mode % 3), MaxSize: int(maxSize%64) + 1, Trailer: Trailer(mode/3) % 4}
		r.Reset(&chunkReader{b: bytes.Clone(stream), n: int(chunk%16) + 1})
		last := int64(-1)
		for range len(stream) + 2 {
			b, err := r.Next()
			if err == io.EOF {
				return
			}
			if len(b) > r.maxSize() {
				t.Fatalf("%d bytes returned, MaxSize %d", len(b), r.maxSize())
			}
			off := r.Offset()
			if off <= last || off > int64(len(stream)) {
				t.Fatalf("offset %d after %d", off, last)
			}
			last = off
			if err != nil {
				if !IsFrameError(err) {
					t.Fatalf("unexpected error %v", err)
				}
				continue
			}
			at := stream[off:]
			if r.Framing() == OctetCounting {
				prefix := strconv.Itoa(len(b)) + " "
				if !bytes.HasPrefix(at, []byte(prefix)) {
					t.Fatalf("frame %q at %d has no prefix %q", b, off, prefix)
				}
				at = at[len(prefix):]
			}
			if !bytes.HasPrefix(at, b) {
				t.Fatalf("frame %q is not at offset %d", b, off)
			}
		}
		t.Fatal("Next did not reach the end")
	})
}

// FuzzRoundTrip writes frames octet-counted and reads them back, in reads
// of any size: each comes back once, in order, and the ones over MaxSize
// come back cut with their length.
func FuzzRoundTrip(f *testing.F) {
	f.Add([]byte("<13>a\n<13>b\x00\x00c"), uint8(2), uint8(0))
	f.Add([]byte("\n\n1 x\n"), uint8(1), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, chunk, maxSize uint8) {
		frames := bytes.Split(data, []byte{'|'})
		var stream []byte
		for _, fr := range frames {
			stream = strconv.AppendInt(stream, int64(len(fr)), 10)
			stream = append(append(stream, ' '), fr...)
		}
		r := Reader{Mode: OctetCounting, MaxSize: int(maxSize)}
		r.Reset(&chunkReader{b: stream, n: int(chunk) + 1})
		for i, fr := range frames {
			if len(fr) == 0 {
				// "0 " is no valid MSG-LEN: the reader reports it and
				// resynchronises at LF, which the fuzzer rarely makes
				// line up; the valid frames are checked below.
				return
			}
			b, err := r.Next()
			want := fr
			if len(fr) > r.maxSize() {
				want = fr[:r.maxSize()]
				if fe, ok := errors.AsType[*Error](err); !ok || fe.Err != ErrTooLong || fe.Length != int64(len(fr)) {
					t.Fatalf("frame %d: err %v", i, err)
				}
			} else if err != nil {
				t.Fatalf("frame %d: %v", i, err)
			}
			if !bytes.Equal(b, want) {
				t.Fatalf("frame %d: %q, want %q", i, b, want)
			}
		}
		if b, err := r.Next(); err != io.EOF {
			t.Fatalf("after the last frame: %q, %v", b, err)
		}
	})
}

// FuzzChunking reads one stream in reads of any size and in one read: the
// frames, errors and offsets must not depend on where reads end.
func FuzzChunking(f *testing.F) {
	for _, tt := range readerTests {
		f.Add([]byte(tt.in), byte(tt.r.Mode), uint8(tt.r.MaxSize), uint8(1))
	}
	f.Fuzz(func(t *testing.T, stream []byte, mode, maxSize, chunk uint8) {
		cfg := Reader{Mode: Mode(mode % 3), MaxSize: int(maxSize%64) + 1, Trailer: Trailer(mode/3) % 4}
		read := func(n int) []frame {
			r := cfg
			r.Reset(&chunkReader{b: stream, n: n})
			var out []frame
			for range len(stream) + 2 {
				b, err := r.Next()
				if err == io.EOF {
					return out
				}
				fr := frame{Data: string(b), Offset: r.Offset()}
				if fe, ok := errors.AsType[*Error](err); ok {
					fr.Err, fr.Length = fe.Err, fe.Length
				}
				out = append(out, fr)
			}
			t.Fatal("Next did not reach the end")
			return nil
		}
		whole, pieces := read(len(stream)+1), read(int(chunk%8)+1)
		if len(whole) != len(pieces) {
			t.Fatalf("%d frames in one read, %d in reads of %d:\n%+v\n%+v", len(whole), len(pieces), chunk%8+1, whole, pieces)
		}
		for i := range whole {
			if whole[i] != pieces[i] {
				t.Fatalf("frame %d: %+v in one read, %+v in pieces", i, whole[i], pieces[i])
			}
		}
	})
}
