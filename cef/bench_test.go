package cef

import "testing"

// Run the floor, the scanner and Parse together, so that they share one
// machine state:
//
//	go test -run '^$' -bench . -count 10 ./cef | benchstat -col /op -

// BenchmarkFloor is one pass over the bytes that reacts to the four bytes a
// CEF reader must look at ('|', '=', '\' and space), as the peers' figures
// in the project's CEF reference were measured against. It parses nothing.
func BenchmarkFloor(b *testing.B) {
	for _, in := range loadBenchInputs(b) {
		b.Run("in="+in.name+"/op=floor", func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				sink += floorByteLoop(in.data)
			}
		})
	}
}

func floorByteLoop(rec []byte) int {
	n := 0
	for _, c := range rec {
		switch c {
		case '|', '=', '\\', ' ':
			n++
		}
	}
	return n
}

// BenchmarkScanner reads each event whole, header and every pair as views,
// with one Scanner reused as a receiver would.
func BenchmarkScanner(b *testing.B) {
	for _, in := range loadBenchInputs(b) {
		b.Run("in="+in.name+"/op=scanner", func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			var s Scanner
			for b.Loop() {
				s.Reset(in.data)
				for s.Next() {
				}
			}
		})
	}
}

// BenchmarkParse builds the owned Event, escapes resolved.
func BenchmarkParse(b *testing.B) {
	for _, in := range loadBenchInputs(b) {
		b.Run("in="+in.name+"/op=parse", func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				e, _ := Parse(in.data)
				sink += len(e.Extensions)
			}
		})
	}
}

// BenchmarkTyped reads every pair of the firewall event with the dictionary
// and converts it to its type, as a typed consumer would.
func BenchmarkTyped(b *testing.B) {
	in := loadBenchInputs(b)[2]
	b.SetBytes(int64(len(in.data)))
	b.ReportAllocs()
	var s Scanner
	o := TimeOptions{}
	for b.Loop() {
		s.Reset(in.data)
		for s.Next() {
			k, _ := Lookup(s.RawKey())
			v := s.RawValue()
			switch k.Type {
			case TypeInteger, TypeLong:
				n, _ := ParseInt(v)
				sink += int(n)
			case TypeIPv4, TypeIP:
				a, _ := ParseIP(v)
				sink += a.BitLen()
			case TypeTimestamp:
				t, _ := ParseTime(v, o)
				sink += t.Second()
			}
		}
	}
}

// BenchmarkAppendText encodes a parsed event into a reused buffer.
func BenchmarkAppendText(b *testing.B) {
	for _, in := range loadBenchInputs(b) {
		e, _ := Parse(in.data)
		b.Run("in="+in.name+"/op=append", func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			buf := make([]byte, 0, 2048)
			for b.Loop() {
				buf, _ = e.AppendText(buf[:0])
			}
		})
	}
}
