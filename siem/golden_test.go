package siem

import (
	"bufio"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cefsyslog/cefsyslog"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current output")

// TestGolden maps testdata/events.log to both schemas and compares them
// with testdata/golden/*.jsonl line by line.
func TestGolden(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "events.log"))
	if err != nil {
		t.Fatal(err)
	}
	p := cefsyslog.Parser{Now: time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)}
	for _, schema := range []struct {
		name string
		doc  func(*cefsyslog.Record) *Document
	}{{"commonsecuritylog", CommonSecurityLog}, {"ecs", ECS}} {
		var out bytes.Buffer
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			rec, _ := p.Parse([]byte(line))
			out.Write(schema.doc(rec).AppendJSON(nil))
			out.WriteByte('\n')
		}
		golden := filepath.Join("testdata", "golden", schema.name+".jsonl")
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		got := strings.Split(out.String(), "\n")
		for i, w := range strings.Split(string(want), "\n") {
			if i >= len(got) || got[i] != w {
				g := ""
				if i < len(got) {
					g = got[i]
				}
				t.Errorf("%s line %d:\n got %s\nwant %s", schema.name, i+1, g, w)
			}
		}
	}
}
