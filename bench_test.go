package cefsyslog_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cefsyslog/cefsyslog"
)

var sink int

// BenchmarkDetect measures what auto-detection adds: the same message read
// with Format Auto and with its format given. Compare the two with
//
//	go test -run '^$' -bench Detect -count 10 . | benchstat -col /mode -
func BenchmarkDetect(b *testing.B) {
	for _, in := range []struct {
		file   string
		format cefsyslog.Format
	}{
		{"syslog-a_5424_sd.txt", cefsyslog.RFC5424},
		{"syslog-b_5424_cef.txt", cefsyslog.RFC5424},
		{"syslog-c_3164.txt", cefsyslog.RFC3164},
		{"syslog-d_nopri_iso.txt", cefsyslog.RFC3164},
		{"cef-a_pep.txt", cefsyslog.CEF},
	} {
		data, err := os.ReadFile(filepath.Join("testdata", "benchdata", in.file))
		if err != nil {
			b.Fatal(err)
		}
		for _, mode := range []struct {
			name string
			p    cefsyslog.Parser
		}{
			{"auto", cefsyslog.Parser{Year: 2025}},
			{"direct", cefsyslog.Parser{Year: 2025, Format: in.format}},
		} {
			b.Run("in="+in.file[:len(in.file)-4]+"/mode="+mode.name, func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					rec, _ := mode.p.Parse(data)
					sink += len(rec.Raw)
				}
			})
		}
	}
}
