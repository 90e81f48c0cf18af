package rfc5424

import (
	"bytes"
	"testing"
)

// Run the three together, so that the floor and the parsers share one
// machine state:
//
//	go test -run '^$' -bench . -count 10 ./rfc5424 | benchstat -col /op -

// BenchmarkFloor is the work no RFC 5424 parser can avoid: finding the six
// spaces of the header and the end of the structured data (a ']' not
// preceded by '\'), leaving MSG untouched. It validates nothing.
func BenchmarkFloor(b *testing.B) {
	for _, in := range loadBenchInputs(b) {
		b.Run("in="+in.name+"/op=floor", func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				sink += floorSplit(in.data)
			}
		})
	}
}

func floorSplit(rec []byte) int {
	i := 0
	for range 6 {
		j := bytes.IndexByte(rec[i:], ' ')
		if j < 0 {
			return -1
		}
		i += j + 1
	}
	for i < len(rec) && rec[i] == '[' {
		for {
			j := bytes.IndexByte(rec[i:], ']')
			if j < 0 {
				return -1
			}
			i += j + 1
			if rec[i-2] != '\\' {
				break
			}
		}
	}
	return i
}

// BenchmarkScanner reads each message whole: header, every element and
// param as raw views, and MSG, with one Scanner reused as a receiver would.
func BenchmarkScanner(b *testing.B) {
	for _, in := range loadBenchInputs(b) {
		b.Run("in="+in.name+"/op=scanner", func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			var s Scanner
			for b.Loop() {
				if s.Reset(in.data) == nil {
					for s.NextElement() {
						for s.NextParam() {
						}
					}
					sink += len(s.Message())
				}
			}
		})
	}
}

// BenchmarkParse builds the owned Message, timestamp and unescaped values
// included.
func BenchmarkParse(b *testing.B) {
	for _, in := range loadBenchInputs(b) {
		b.Run("in="+in.name+"/op=parse", func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				m, _ := Parse(in.data)
				sink += len(m.Msg)
			}
		})
	}
}

// BenchmarkAppendText encodes a parsed message into a reused buffer.
func BenchmarkAppendText(b *testing.B) {
	for _, in := range loadBenchInputs(b) {
		m, err := Parse(in.data)
		if err != nil {
			b.Fatal(err)
		}
		b.Run("in="+in.name+"/op=append", func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			buf := make([]byte, 0, 4096)
			for b.Loop() {
				buf, _ = m.AppendText(buf[:0])
			}
		})
	}
}
