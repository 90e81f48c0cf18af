package framing

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// Run together, so that the floor and the readers share one machine state:
//
//	go test -run '^$' -bench . -count 10 ./framing | benchstat -col /op -

// benchStream builds a stream of the shared benchmark messages, repeated,
// framed in mode.
func benchStream(b *testing.B, mode Mode) []byte {
	names, _ := filepath.Glob(filepath.Join("..", "testdata", "benchdata", "syslog-*"))
	if len(names) == 0 {
		b.Fatal("no benchmark inputs")
	}
	var msgs [][]byte
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		msgs = append(msgs, bytes.TrimRight(data, "\n"))
	}
	var s []byte
	for len(s) < 1<<20 {
		for _, m := range msgs {
			if mode == OctetCounting {
				s = strconv.AppendInt(s, int64(len(m)), 10)
				s = append(s, ' ')
				s = append(s, m...)
			} else {
				s = append(append(s, m...), '\n')
			}
		}
	}
	return s
}

// BenchmarkFloor is what no framing can avoid: for LF frames, finding each
// LF; for octet counting, reading each MSG-LEN and jumping over the frame.
func BenchmarkFloor(b *testing.B) {
	for _, mode := range []Mode{OctetCounting, NonTransparent} {
		stream := benchStream(b, mode)
		b.Run("mode="+mode.String()+"/op=floor", func(b *testing.B) {
			b.SetBytes(int64(len(stream)))
			b.ReportAllocs()
			for b.Loop() {
				n := 0
				for i := 0; i < len(stream); {
					if mode == NonTransparent {
						j := bytes.IndexByte(stream[i:], '\n')
						i += j + 1
					} else {
						l := 0
						for stream[i] != ' ' {
							l = l*10 + int(stream[i]-'0')
							i++
						}
						i += 1 + l
					}
					n++
				}
				sink += n
			}
		})
	}
}

// BenchmarkReader reads the stream with a Reader, reused as a receiver
// reuses one per connection.
func BenchmarkReader(b *testing.B) {
	for _, mode := range []Mode{OctetCounting, NonTransparent} {
		stream := benchStream(b, mode)
		b.Run("mode="+mode.String()+"/op=reader", func(b *testing.B) {
			b.SetBytes(int64(len(stream)))
			b.ReportAllocs()
			src := bytes.NewReader(stream)
			r := Reader{Mode: Auto}
			for b.Loop() {
				src.Reset(stream)
				r.Reset(src)
				for {
					f, err := r.Next()
					if err != nil {
						break
					}
					sink += len(f)
				}
			}
		})
	}
}

// BenchmarkScanner reads the stream with a bufio.Scanner and the split
// functions.
func BenchmarkScanner(b *testing.B) {
	for _, mode := range []Mode{OctetCounting, NonTransparent} {
		stream := benchStream(b, mode)
		split := bufio.ScanLines
		if mode == OctetCounting {
			split = ScanOctetCounted
		}
		b.Run("mode="+mode.String()+"/op=scanner", func(b *testing.B) {
			b.SetBytes(int64(len(stream)))
			b.ReportAllocs()
			src := bytes.NewReader(stream)
			buf := make([]byte, 64<<10)
			for b.Loop() {
				src.Reset(stream)
				sc := bufio.NewScanner(src)
				sc.Buffer(buf, len(buf))
				sc.Split(split)
				for sc.Scan() {
					sink += len(sc.Bytes())
				}
			}
		})
	}
}

var sink int
