package framing

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

// chunkReader returns at most n bytes per Read, so that frames cross the
// edges of reads everywhere.
type chunkReader struct {
	b []byte
	n int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.b) == 0 {
		return 0, io.EOF
	}
	n := min(len(p), c.n, len(c.b))
	copy(p, c.b[:n])
	c.b = c.b[n:]
	return n, nil
}

// frame is what a test expects of one call to Next.
type frame struct {
	Data   string
	Offset int64
	Err    error // the sentinel in the *Error, or nil
	Length int64 // the *Error's length, when Err is set
}

// readAll reads every frame of in, in reads of chunk bytes.
func readAll(t *testing.T, r *Reader, in string, chunk int) []frame {
	t.Helper()
	r.Reset(&chunkReader{b: []byte(in), n: chunk})
	var got []frame
	for range 10000 {
		b, err := r.Next()
		if err == io.EOF {
			if b != nil {
				t.Fatalf("data %q with io.EOF", b)
			}
			return got
		}
		f := frame{Data: string(b), Offset: r.Offset()}
		if err != nil {
			fe, ok := errors.AsType[*Error](err)
			if !ok {
				t.Fatalf("unexpected error %v", err)
			}
			if fe.Offset != r.Offset() {
				t.Errorf("Error.Offset %d, Offset() %d", fe.Offset, r.Offset())
			}
			f.Err, f.Length = fe.Err, fe.Length
		}
		got = append(got, f)
	}
	t.Fatal("Next did not reach the end")
	return nil
}

var readerTests = []struct {
	name string
	r    Reader
	in   string
	want []frame
}{
	{"octet counting", Reader{Mode: OctetCounting}, "5 hello6 world!",
		[]frame{{"hello", 0, nil, 0}, {"world!", 7, nil, 0}}},
	{"octet counting with LF, CRLF and NUL between frames", Reader{Mode: OctetCounting}, "5 hello\n6 world!\r\n\x003 abc\n",
		[]frame{{"hello", 0, nil, 0}, {"world!", 8, nil, 0}, {"abc", 19, nil, 0}}},
	{"octet-counted frame holding LF", Reader{Mode: OctetCounting}, "11 <13>a\nb\nc d1 x",
		[]frame{{"<13>a\nb\nc d", 0, nil, 0}, {"x", 14, nil, 0}}},
	{"auto: digit means octet counting", Reader{}, "3 <1>",
		[]frame{{"<1>", 0, nil, 0}}},
	{"auto: '<' means non-transparent", Reader{}, "<13>one\n<13>two 2\n",
		[]frame{{"<13>one", 0, nil, 0}, {"<13>two 2", 8, nil, 0}}},
	{"auto: separators first", Reader{}, "\n\r\n11 <13>1 - - -",
		[]frame{{"<13>1 - - -", 3, nil, 0}}},
	{"non-transparent: LF, CRLF, NUL, empty frames", Reader{Mode: NonTransparent}, "a\r\nb\n\n\r\nc\x00\x00d",
		[]frame{{"a", 0, nil, 0}, {"b", 3, nil, 0}, {"c", 8, nil, 0}, {"d", 11, nil, 0}}},
	{"non-transparent: LF only keeps NUL", Reader{Mode: NonTransparent, Trailer: TrailerLF}, "a\x00b\nc",
		[]frame{{"a\x00b", 0, nil, 0}, {"c", 4, nil, 0}}},
	{"non-transparent: NUL only keeps LF", Reader{Mode: NonTransparent, Trailer: TrailerNUL}, "a\nb\x00c\r\n",
		[]frame{{"a\nb", 0, nil, 0}, {"c\r\n", 4, nil, 0}}},
	{"a CR alone is data", Reader{Mode: NonTransparent}, "a\rb\n",
		[]frame{{"a\rb", 0, nil, 0}}},
	{"octet counting: too long", Reader{Mode: OctetCounting, MaxSize: 4}, "10 0123456789" + "2 ok",
		[]frame{{"0123", 0, ErrTooLong, 10}, {"ok", 13, nil, 0}}},
	{"octet counting: exactly MaxSize", Reader{Mode: OctetCounting, MaxSize: 4}, "4 abcd",
		[]frame{{"abcd", 0, nil, 0}}},
	{"non-transparent: too long", Reader{Mode: NonTransparent, MaxSize: 4}, "0123456789\nok\n",
		[]frame{{"0123", 0, ErrTooLong, 10}, {"ok", 11, nil, 0}}},
	{"non-transparent: too long, CRLF", Reader{Mode: NonTransparent, MaxSize: 4}, "01234\r\nok\r\n",
		[]frame{{"0123", 0, ErrTooLong, 5}, {"ok", 7, nil, 0}}},
	{"non-transparent: exactly MaxSize", Reader{Mode: NonTransparent, MaxSize: 4}, "abcd\r\nab",
		[]frame{{"abcd", 0, nil, 0}, {"ab", 6, nil, 0}}},
	{"non-transparent: too long at the end", Reader{Mode: NonTransparent, MaxSize: 4}, "0123456789",
		[]frame{{"0123", 0, ErrTooLong, 10}}},
	{"bad length: resynchronise at LF", Reader{Mode: OctetCounting}, "5 hello<13>no length\r\n2 ok",
		[]frame{{"hello", 0, nil, 0}, {"<13>no length", 7, ErrLength, 14}, {"ok", 22, nil, 0}}},
	{"bad length: leading zero", Reader{Mode: OctetCounting}, "05 hello\n1 x",
		[]frame{{"05 hello", 0, ErrLength, 8}, {"x", 9, nil, 0}}},
	{"bad length: no space", Reader{Mode: OctetCounting}, "5:hello\n",
		[]frame{{"5:hello", 0, ErrLength, 7}}},
	{"bad length: ten digits", Reader{Mode: OctetCounting}, "1234567890 x\n1 y",
		[]frame{{"1234567890 x", 0, ErrLength, 12}, {"y", 13, nil, 0}}},
	{"bad length: long line is cut", Reader{Mode: OctetCounting, MaxSize: 3}, "abcdefgh\n1 y",
		[]frame{{"abc", 0, ErrLength, 8}, {"y", 9, nil, 0}}},
	{"truncated frame", Reader{Mode: OctetCounting}, "3 abc10 abc",
		[]frame{{"abc", 0, nil, 0}, {"abc", 5, ErrTruncated, 10}}},
	{"truncated inside MSG-LEN", Reader{Mode: OctetCounting}, "3 abc12",
		[]frame{{"abc", 0, nil, 0}, {"12", 5, ErrTruncated, -1}}},
	{"empty stream", Reader{}, "", nil},
	{"only separators", Reader{}, "\n\n\x00", nil},
}

func TestReader(t *testing.T) {
	for _, tt := range readerTests {
		for _, chunk := range []int{1, 2, 3, 7, 1 << 20} {
			t.Run(fmt.Sprintf("%s/chunk=%d", tt.name, chunk), func(t *testing.T) {
				r := tt.r
				got := readAll(t, &r, tt.in, chunk)
				if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
					t.Errorf("%q (-want +got):\n%s", tt.in, diff)
				}
			})
		}
	}
}

// TestReaderBoundedMemory sends frames far over MaxSize, in both modes:
// the buffer must stay near MaxSize, and the frame after them must come
// out whole.
func TestReaderBoundedMemory(t *testing.T) {
	const max = 1 << 10
	huge := strings.Repeat("x", 8<<20)
	for _, tt := range []struct {
		mode Mode
		in   string
	}{
		{OctetCounting, fmt.Sprint(len(huge)) + " " + huge + "5 after"},
		{NonTransparent, huge + "\nafter\n"},
	} {
		t.Run(tt.mode.String(), func(t *testing.T) {
			r := Reader{Mode: tt.mode, MaxSize: max}
			r.Reset(strings.NewReader(tt.in))
			b, err := r.Next()
			fe, ok := errors.AsType[*Error](err)
			if !ok || !errors.Is(err, ErrTooLong) || fe.Length != int64(len(huge)) || len(b) != max {
				t.Fatalf("first frame: %d bytes, %v", len(b), err)
			}
			if b, err = r.Next(); string(b) != "after" || err != nil {
				t.Fatalf("next frame %q, %v", b, err)
			}
			if len(r.buf) > max+MaxLengthDigits+2+2*readSize {
				t.Errorf("buffer grew to %d bytes for MaxSize %d", len(r.buf), max)
			}
		})
	}
}

// TestReaderReadError checks that a read error comes after the frames
// read before it, and stays.
func TestReaderReadError(t *testing.T) {
	boom := errors.New("connection reset")
	r := NewReader(io.MultiReader(strings.NewReader("<1>a\n<1>b"), iotest.ErrReader(boom)))
	var frames []string
	var err error
	for {
		var b []byte
		if b, err = r.Next(); err != nil {
			break
		}
		frames = append(frames, string(b))
	}
	// The frame cut by the error is returned, not dropped.
	if strings.Join(frames, ",") != "<1>a,<1>b" || err != boom {
		t.Fatalf("frames %q, err %v", frames, err)
	}
	if _, err2 := r.Next(); err2 != boom {
		t.Errorf("the error is not sticky: %v", err2)
	}
	if r.Framing() != NonTransparent {
		t.Errorf("Framing() = %v", r.Framing())
	}
}

// zeroReader returns nothing and no error, forever.
type zeroReader struct{}

func (zeroReader) Read([]byte) (int, error) { return 0, nil }

func TestReaderNoProgress(t *testing.T) {
	r := NewReader(zeroReader{})
	if _, err := r.Next(); err != io.ErrNoProgress {
		t.Fatalf("err %v", err)
	}
}

func TestReaderNoAllocs(t *testing.T) {
	for _, tt := range []struct {
		name string
		mode Mode
		in   string
	}{
		{"octet counting", OctetCounting, "12 <13>1 - - -\n"},
		{"non-transparent", NonTransparent, "<13>Oct 11 22:14:15 host app: hi\r\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			stream := bytes.Repeat([]byte(tt.in), 4096)
			src := bytes.NewReader(stream)
			r := Reader{Mode: tt.mode}
			r.Reset(src)
			for range 10 { // let the buffer grow
				r.Next()
			}
			n := testing.AllocsPerRun(1000, func() {
				if _, err := r.Next(); err == io.EOF {
					src.Reset(stream)
					r.Reset(src)
				}
			})
			if n != 0 {
				t.Errorf("%v allocs per frame", n)
			}
		})
	}
}

func TestSplitFuncs(t *testing.T) {
	for _, tt := range []struct {
		name  string
		split bufio.SplitFunc
		in    string
		want  []string
		err   error
	}{
		{"octet counted", ScanOctetCounted, "5 hello\n6 world!3 a\nb", []string{"hello", "world!", "a\nb"}, nil},
		{"octet counted, bad length", ScanOctetCounted, "5 hello<13>x", []string{"hello"}, ErrLength},
		{"octet counted, truncated", ScanOctetCounted, "5 hello9 abc", []string{"hello"}, ErrTruncated},
		{"octet counted, trailing separators", ScanOctetCounted, "1 a\n\n", []string{"a"}, nil},
		{"NUL", ScanNUL, "a\x00\x00b\nc\x00d", []string{"a", "b\nc", "d"}, nil},
	} {
		for _, chunk := range []int{1, 3, 1 << 20} {
			t.Run(fmt.Sprintf("%s/chunk=%d", tt.name, chunk), func(t *testing.T) {
				sc := bufio.NewScanner(&chunkReader{b: []byte(tt.in), n: chunk})
				sc.Split(tt.split)
				var got []string
				for sc.Scan() {
					got = append(got, sc.Text())
				}
				if !cmp.Equal(got, tt.want) || sc.Err() != tt.err {
					t.Errorf("got %q, %v; want %q, %v", got, sc.Err(), tt.want, tt.err)
				}
			})
		}
	}
	// A frame over the Scanner's buffer stops it with bufio.ErrTooLong.
	sc := bufio.NewScanner(strings.NewReader("100 " + strings.Repeat("x", 100)))
	sc.Buffer(make([]byte, 16), 64)
	sc.Split(ScanOctetCounted)
	if sc.Scan() || sc.Err() != bufio.ErrTooLong {
		t.Errorf("err %v", sc.Err())
	}
}

func TestSplitNoAllocs(t *testing.T) {
	data := []byte("11 <13>1 - - -\n")
	n := testing.AllocsPerRun(1000, func() {
		adv, tok, err := ScanOctetCounted(data, false)
		if adv != 14 || len(tok) != 11 || err != nil {
			panic("bad split")
		}
	})
	if n != 0 {
		t.Errorf("%v allocs", n)
	}
}

func TestModeText(t *testing.T) {
	for _, m := range []Mode{Auto, OctetCounting, NonTransparent} {
		text, _ := m.MarshalText()
		var back Mode
		if err := back.UnmarshalText(text); err != nil || back != m {
			t.Errorf("%v: %v %v", m, back, err)
		}
	}
	var m Mode
	if err := m.UnmarshalText([]byte("lines")); err != nil || m != NonTransparent {
		t.Errorf("lines: %v %v", m, err)
	}
	if err := m.UnmarshalText([]byte("carrier-pigeon")); err == nil {
		t.Error("no error for an unknown mode")
	}
}

func TestErrorText(t *testing.T) {
	e := &Error{Offset: 120, Length: 70000, Err: ErrTooLong}
	if got := e.Error(); got != "framing: frame at offset 120: frame too long (70000 bytes)" {
		t.Errorf("%q", got)
	}
	if !errors.Is(e, ErrTooLong) || !IsFrameError(fmt.Errorf("wrapped: %w", e)) || IsFrameError(io.EOF) {
		t.Error("errors.Is / IsFrameError")
	}
}
