package siem

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cefsyslog/cefsyslog"
)

// BenchmarkMap maps the Azure Stack Hub Windows event of the benchmark
// inputs (22 Mas* extensions) and the firewall event to each schema and
// writes the JSON into a reused buffer. Allocations: the document's field
// slice and the strings it builds (AdditionalExtensions, ECS's nested
// objects), about 10–30 per event.
func BenchmarkMap(b *testing.B) {
	for _, name := range []string{"cef-b_maswin.txt", "cef-c_fw15.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "benchdata", name))
		if err != nil {
			b.Fatal(err)
		}
		rec, _ := cefsyslog.Parse(data)
		for _, s := range []struct {
			name string
			doc  func(*cefsyslog.Record) *Document
		}{{"commonsecuritylog", CommonSecurityLog}, {"ecs", ECS}} {
			b.Run("in="+name[:5]+"/schema="+s.name, func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				var buf []byte
				for b.Loop() {
					buf = s.doc(rec).AppendJSON(buf[:0])
				}
			})
		}
	}
}
