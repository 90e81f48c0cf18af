package siem

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cefsyslog/cefsyslog"
)

// BenchmarkMap maps the Azure Stack Hub Windows event of the benchmark
// inputs (22 Mas* extensions) and the firewall event to each schema and
// writes the JSON into a reused buffer. Allocations, measured: 2 for the
// firewall event and 11 for the Windows event as CommonSecurityLog rows
// (the field slice, AdditionalExtensions and the typed conversions), about
// 50 for either as ECS documents (the nesting's groups, the structured
// data and azurestack objects as JSON text).
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
