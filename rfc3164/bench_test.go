package rfc3164

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

type benchInput struct {
	name string
	data []byte
}

func loadBenchInputs(tb testing.TB) []benchInput {
	tb.Helper()
	var ins []benchInput
	for _, f := range []struct{ name, file string }{
		{"c_3164", "syslog-c_3164.txt"},
		{"d_nopri_iso", "syslog-d_nopri_iso.txt"},
	} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "benchdata", f.file))
		if err != nil {
			tb.Fatal(err)
		}
		ins = append(ins, benchInput{f.name, b})
	}
	return ins
}

var sink int

// Run the three together:
//
//	go test -run '^$' -bench . -count 10 ./rfc3164 | benchstat -col /op -

// BenchmarkFloor is the work no BSD syslog reader can avoid: finding the
// three spaces of the header (after the stamp's parts, the host and the
// TAG) and the TAG's colon. It validates nothing.
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
	for range 3 {
		j := bytes.IndexByte(rec[i:], ' ')
		if j < 0 {
			return -1
		}
		i += j + 1
	}
	return i + bytes.IndexByte(rec[i:], ':')
}

// BenchmarkScanner reads each line with one reused Scanner.
func BenchmarkScanner(b *testing.B) {
	for _, in := range loadBenchInputs(b) {
		b.Run("in="+in.name+"/op=scanner", func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			var s Scanner
			for b.Loop() {
				s.Reset(in.data)
				sink += len(s.Message())
			}
		})
	}
}

// BenchmarkParse builds the owned Message, timestamp included.
func BenchmarkParse(b *testing.B) {
	for _, in := range loadBenchInputs(b) {
		b.Run("in="+in.name+"/op=parse", func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			o := Options{}
			for b.Loop() {
				m, _ := o.Parse(in.data)
				sink += len(m.Msg)
			}
		})
	}
}
