package cefsyslogreceiver

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cefsyslog/cefsyslog"
	"go.opentelemetry.io/collector/pdata/plog"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current output")

// TestGolden maps every line of the library's sample files for each
// format to log records and compares their OTLP JSON with
// testdata/golden/<sample>.json.
func TestGolden(t *testing.T) {
	observed := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	p := cefsyslog.Parser{Now: observed}
	m := mapper{azure: true, keepOriginal: true}
	for _, name := range []string{"rfc5424", "rfc3164", "cef", "azurestack"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "samples", name+".log"))
			if err != nil {
				t.Fatal(err)
			}
			b := newBatch()
			sc := bufio.NewScanner(bytes.NewReader(data))
			sc.Buffer(nil, 1<<20)
			for sc.Scan() {
				if line := strings.TrimSuffix(sc.Text(), "\r"); line != "" {
					rec, _ := p.Parse([]byte(line))
					m.add(b, rec, "192.0.2.1:514", observed)
				}
			}
			raw, err := (&plog.JSONMarshaler{}).MarshalLogs(b.logs)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			json.Indent(&out, raw, "", "  ")
			out.WriteByte('\n')
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				os.WriteFile(golden, out.Bytes(), 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("%s differs from the golden file; run go test -update and review the diff", name)
			}
			if got := b.n; got != strings.Count(strings.TrimSpace(string(data)), "\n")+1 {
				t.Errorf("%d records for the file's lines", got)
			}
		})
	}
}
