package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseFile(t *testing.T) {
	var out, errOut bytes.Buffer
	status := run([]string{filepath.Join("..", "..", "testdata", "samples", "mixed.log")}, &out, &errOut)
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if status != 0 || errOut.Len() != 0 || len(lines) < 5 {
		t.Fatalf("status %d, %d records, stderr %q", status, len(lines), errOut.String())
	}
	formats := map[string]bool{}
	for _, l := range lines {
		var rec struct{ Format string }
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		formats[rec.Format] = true
	}
	if !formats["rfc5424"] || !formats["rfc3164"] || !formats["cef"] {
		t.Errorf("formats %v", formats)
	}
	// A file with a bad message: every record is printed, status 1.
	out.Reset()
	status = run([]string{filepath.Join("..", "..", "testdata", "samples", "rfc5424-invalid.log")}, &out, &errOut)
	if status != 1 || !strings.Contains(out.String(), `"error"`) {
		t.Errorf("invalid file: status %d", status)
	}
	// A line over the limit is reported, not cut silently.
	long := filepath.Join(t.TempDir(), "long.log")
	os.WriteFile(long, []byte("<13>1 - - - - - - "+strings.Repeat("x", 2<<20)+"\n<13>1 - - - - - - short\n"), 0o644)
	out.Reset()
	status = run([]string{long}, &out, &errOut)
	if status != 1 || !strings.Contains(out.String(), `"reason":"message longer than 1048576 bytes"`) || !strings.Contains(out.String(), `"message":"short"`) {
		t.Errorf("long line: status %d", status)
	}
	if status := run(nil, &out, &errOut); status != 2 {
		t.Errorf("no file: status %d", status)
	}
}
