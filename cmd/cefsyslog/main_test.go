package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current output")

// runCmd runs the command with args and stdin and returns its outputs.
func runCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var out, errOut bytes.Buffer
	status = run(args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), status
}

// TestGolden parses every sample file and compares the records with the
// golden output, line by line.
func TestGolden(t *testing.T) {
	samples, err := filepath.Glob(filepath.Join("..", "..", "testdata", "samples", "*.log"))
	if err != nil || len(samples) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	for _, sample := range samples {
		name := strings.TrimSuffix(filepath.Base(sample), ".log")
		t.Run(name, func(t *testing.T) {
			// A fixed year keeps stamps without one from moving with the
			// calendar.
			out, stderr, status := runCmd(t, "", "parse", "--year", "2025", sample)
			if stderr != "" {
				t.Errorf("stderr: %s", stderr)
			}
			wantStatus := exitOK
			if strings.Contains(name, "invalid") {
				wantStatus = exitRecords
			}
			if status != wantStatus {
				t.Errorf("exit status %d, want %d", status, wantStatus)
			}
			in, _ := os.ReadFile(sample)
			if got, want := strings.Count(out, "\n"), nonEmptyLines(string(in)); got != want {
				t.Errorf("%d records for %d messages", got, want)
			}
			for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				var rec map[string]any
				if err := json.Unmarshal([]byte(line), &rec); err != nil {
					t.Fatalf("record is not JSON: %v\n%s", err, line)
				}
				if _, hasErr := rec["error"]; hasErr != (rec["raw"] != nil) {
					t.Errorf("error and raw must come together: %s", line)
				}
			}
			golden := filepath.Join("testdata", "golden", name+".jsonl")
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			gotLines, wantLines := strings.Split(out, "\n"), strings.Split(string(want), "\n")
			for i := range max(len(gotLines), len(wantLines)) {
				var g, w string
				if i < len(gotLines) {
					g = gotLines[i]
				}
				if i < len(wantLines) {
					w = wantLines[i]
				}
				if g != w {
					t.Errorf("record %d:\n got %s\nwant %s", i+1, g, w)
				}
			}
		})
	}
}

func nonEmptyLines(s string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSuffix(l, "\r") != "" {
			n++
		}
	}
	return n
}

// TestREADMECommands checks that the commands the README tells a new user
// to run are the ones that work: the sample it names parses cleanly.
func TestREADMECommands(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go run \./cmd/cefsyslog parse (.+)$`).FindSubmatch(readme)
	if m == nil {
		t.Fatal("README has no 'go run ./cmd/cefsyslog parse FILE...' line")
	}
	args := []string{"parse"}
	for _, f := range strings.Fields(string(m[1])) {
		args = append(args, filepath.Join("..", "..", f))
	}
	out, stderr, status := runCmd(t, "", args...)
	if status != exitOK || stderr != "" || out == "" {
		t.Errorf("README command: status %d, stderr %q, %d bytes out", status, stderr, len(out))
	}
	if !regexp.MustCompile("(?m)^go test ./...$").Match(readme) {
		t.Error("README does not show the test command `go test ./...`")
	}
}

func TestParseStdinAndLines(t *testing.T) {
	in := "<14>1 - - - - - - one\r\n\n\r\n<14>1 - - - - - - two\n<14>1 - - - - - - three"
	out, _, status := runCmd(t, in, "parse")
	want := `{"format":"rfc5424","syslog":{"priority":14,"facility":1,"severity":6,"version":1,"message":"one"}}
{"format":"rfc5424","syslog":{"priority":14,"facility":1,"severity":6,"version":1,"message":"two"}}
{"format":"rfc5424","syslog":{"priority":14,"facility":1,"severity":6,"version":1,"message":"three"}}
`
	if out != want || status != exitOK {
		t.Errorf("status %d, output:\n%s\nwant:\n%s", status, out, want)
	}
	// "-" names standard input among files.
	out2, _, _ := runCmd(t, in, "parse", "-")
	if out2 != want {
		t.Errorf("parse - gives:\n%s", out2)
	}
}

func TestParseExitStatus(t *testing.T) {
	for _, tt := range []struct {
		name   string
		stdin  string
		args   []string
		status int
		stderr string
	}{
		{"all good", "<14>1 - - - - - -\n", []string{"parse"}, exitOK, ""},
		{"a record with an error", "<14>1 - - - - - -\n<14>1 x\n", []string{"parse"}, exitRecords, ""},
		{"unknown flag", "", []string{"parse", "--nope"}, exitUsage, "flag provided but not defined"},
		{"bad format", "", []string{"parse", "--format", "xml"}, exitUsage, "unknown format"},
		{"bad location", "", []string{"parse", "--location", "Mars/Base"}, exitUsage, "--location"},
		{"bad year", "", []string{"parse", "--year", "-3"}, exitUsage, "--year"},
		{"bad max-size", "", []string{"parse", "--max-size", "0"}, exitUsage, "--max-size"},
		{"bad framing", "", []string{"parse", "--framing", "carrier-pigeon"}, exitUsage, "unknown mode"},
		{"unknown charset", "", []string{"parse", "--charset", "klingon"}, exitUsage, "unknown charset"},
		{"missing file", "", []string{"parse", "/nonexistent/file.log"}, exitUsage, "no such file"},
		{"help", "", []string{"parse", "-h"}, exitOK, "Exit status"},
		{"no command", "", nil, exitUsage, "Usage"},
		{"unknown command", "", []string{"frobnicate"}, exitUsage, "unknown command"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, status := runCmd(t, tt.stdin, tt.args...)
			if status != tt.status {
				t.Errorf("status %d, want %d (stderr %q)", status, tt.status, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q does not mention %q", stderr, tt.stderr)
			}
		})
	}
}

// TestParseGoesOnAfterBadFile checks that a file that cannot be read does
// not stop the others, and that the status says so.
func TestParseGoesOnAfterBadFile(t *testing.T) {
	good := filepath.Join(t.TempDir(), "good.log")
	os.WriteFile(good, []byte("<14>1 - - - - - - ok\n"), 0o644)
	out, stderr, status := runCmd(t, "", "parse", "/nonexistent.log", good)
	if status != exitUsage || !strings.Contains(stderr, "nonexistent") || !strings.Contains(out, `"message":"ok"`) {
		t.Errorf("status %d, stderr %q, out %q", status, stderr, out)
	}
}

func TestParseFlagsAnywhere(t *testing.T) {
	f := filepath.Join(t.TempDir(), "a.log")
	os.WriteFile(f, []byte("<14>1 - - - - - - "+strings.Repeat("x", 50)+"\n"), 0o644)
	out, _, status := runCmd(t, "", "parse", f, "--max-size", "20")
	if status != exitRecords || !strings.Contains(out, `"reason":"message longer than 20 bytes"`) {
		t.Errorf("flag after the file was not applied: %d %s", status, out)
	}
	// After "--", a name that looks like a flag is a file.
	out, stderr, status := runCmd(t, "", "parse", "--", "--max-size")
	if status != exitUsage || !strings.Contains(stderr, "--max-size") {
		t.Errorf("after --: %d %q %q", status, out, stderr)
	}
}

// TestParseCharset feeds real Shift_JIS bytes: "ログイン失敗" (login
// failed) as a Japanese appliance sends it.
func TestParseCharset(t *testing.T) {
	sjis := "<13>Oct 11 22:14:15 fw01 auth: \x83\x8d\x83\x4f\x83\x43\x83\x93\x8e\xb8\x94\x73\n"
	out, _, status := runCmd(t, sjis, "parse", "--charset", "Shift_JIS", "--year", "2025")
	want := `{"format":"rfc3164","syslog":{"priority":13,"facility":1,"severity":5,"timestamp":"2025-10-11T22:14:15Z","hostname":"fw01","app_name":"auth","message":"ログイン失敗"}}` + "\n"
	if status != exitOK || out != want {
		t.Errorf("status %d\n got %s\nwant %s", status, out, want)
	}
	// Without the charset the bytes are not UTF-8: kept, and reported.
	out, _, status = runCmd(t, sjis, "parse", "--year", "2025")
	if status != exitOK || !strings.Contains(out, `"raw_base64":`) || !strings.Contains(out, `\ufffd`) {
		t.Errorf("without charset: %d %s", status, out)
	}
}

func TestParseFormatFlag(t *testing.T) {
	out, _, status := runCmd(t, "<13>Oct 11 22:14:15 host su: x\n", "parse", "--format", "rfc5424")
	if status != exitRecords || !strings.HasPrefix(out, `{"format":"rfc5424"`) || !strings.Contains(out, `"reason":"invalid version"`) {
		t.Errorf("forced rfc5424: %d %s", status, out)
	}
}

// TestParseTooLongGoesOn feeds a line far longer than --max-size, one byte
// per read, and checks the record, the next line, and that memory stayed
// bounded by the limit.
func TestParseTooLongGoesOn(t *testing.T) {
	long := "<14>1 - - - - - - " + strings.Repeat("y", 200000)
	in := long + "\n<14>1 - - - - - - next\n"
	var out, errOut bytes.Buffer
	status := run([]string{"parse", "--max-size", "1000"}, iotest.OneByteReader(strings.NewReader(in)), &out, &errOut)
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if status != exitRecords || len(lines) != 2 {
		t.Fatalf("status %d, %d records", status, len(lines))
	}
	var rec struct {
		Error struct {
			Offset int
			Reason string
		}
		Raw string
	}
	json.Unmarshal([]byte(lines[0]), &rec)
	if rec.Error.Offset != 1000 || rec.Error.Reason != "message longer than 1000 bytes" || rec.Raw != long[:1000] {
		t.Errorf("too long record: offset %d, reason %q, raw of %d bytes", rec.Error.Offset, rec.Error.Reason, len(rec.Raw))
	}
	if !strings.Contains(lines[1], `"message":"next"`) {
		t.Errorf("next line: %s", lines[1])
	}
}

// TestParseFraming reads one stream in each framing, and the framing
// errors that become records.
func TestParseFraming(t *testing.T) {
	for _, tt := range []struct {
		name, framing, in string
		messages          []string // each record's syslog.message, or its error reason after "!"
	}{
		{"lines", "lines", "<13>1 - - - - - - a\r\n\n<13>1 - - - - - - b\x00c", []string{"a", "b\x00c"}},
		{"non-transparent", "non-transparent", "<13>1 - - - - - - a\x00<13>1 - - - - - - b\n", []string{"a", "b"}},
		{"octet counting", "octet-counting", "21 <13>1 - - - - - - a\nb19 <13>1 - - - - - - c", []string{"a\nb", "c"}},
		{"octet counting, LF at the end dropped", "octet-counting", "20 <13>1 - - - - - - a\n", []string{"a"}},
		{"auto, octet counting", "auto", "19 <13>1 - - - - - - a", []string{"a"}},
		{"auto, lines", "auto", "<13>1 - - - - - - a\n", []string{"a"}},
		{"bad length", "octet-counting", "<13>1 - - - - - - a\n19 <13>1 - - - - - - b", []string{"!invalid frame length", "b"}},
		{"cut short", "octet-counting", "19 <13>1 - - - - - - b20 <13>1", []string{"b", "!frame cut short by the end of the stream"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, _ := runCmd(t, tt.in, "parse", "--framing", tt.framing)
			var got []string
			for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				var rec struct {
					Syslog struct{ Message string }
					Error  *struct {
						Offset int
						Reason string
					}
					Raw string
				}
				if err := json.Unmarshal([]byte(line), &rec); err != nil {
					t.Fatalf("%v: %s", err, line)
				}
				if rec.Error != nil {
					got = append(got, "!"+rec.Error.Reason)
					if rec.Raw == "" {
						t.Errorf("a framing error without raw bytes: %s", line)
					}
					continue
				}
				got = append(got, rec.Syslog.Message)
			}
			if !cmp.Equal(got, tt.messages) {
				t.Errorf("got %q, want %q (stderr %q)", got, tt.messages, stderr)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	out, _, status := runCmd(t, "", "version")
	if status != exitOK || !strings.HasPrefix(out, "cefsyslog ") || !strings.Contains(out, "go1.") {
		t.Errorf("version: %d %q", status, out)
	}
}

// TestParseOutputSeverity filters as Azure Stack Hub's forwarder does, and
// counts what it leaves out.
func TestParseOutputSeverity(t *testing.T) {
	in := strings.Join([]string{
		"CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-AzureStack-PrivilegedEndpoint: 1003|SupportSessionUnlockedEvent|10|", // critical
		"CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-Windows-GroupPolicy:1501|Group Policy|2|MasLevel=4",                  // information
		"CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-Windows-Kernel-Power:172|Power|0|MasLevel=5",                         // verbose
		"<12>Mar 14 10:00:00 host app: disk almost full",                                                                                // syslog warning
		"<14>1 2025-13-01T00:00:00Z host - - - - bad",                                                                                   // an error: always kept
		"plain text without a level", // no level: kept
	}, "\n")
	out, stderr, status := runCmd(t, in, "parse", "--output-severity", "default")
	if status != exitRecords {
		t.Errorf("status %d", status)
	}
	if got := nonEmptyLines(out); got != 4 || strings.Contains(out, "MasLevel") {
		t.Errorf("%d records kept:\n%s", got, out)
	}
	if !strings.Contains(stderr, "--output-severity default: 2 of 6 records filtered out") {
		t.Errorf("stderr %q", stderr)
	}
	out, stderr, _ = runCmd(t, in, "parse", "--output-severity", "Verbose")
	if nonEmptyLines(out) != 6 || !strings.Contains(stderr, "0 of 6 records filtered out") {
		t.Errorf("verbose kept %d records; stderr %q", nonEmptyLines(out), stderr)
	}
	_, stderr, status = runCmd(t, in, "parse", "--output-severity", "loud")
	if status != exitUsage || !strings.Contains(stderr, "output-severity") {
		t.Errorf("bad value: status %d, stderr %q", status, stderr)
	}
}

// TestParseCheck: --check writes no record, counts on stderr, and exits
// as parse would.
func TestParseCheck(t *testing.T) {
	out, stderr, status := runCmd(t, "", "parse", "--check", "../../testdata/samples/rfc5424-invalid.log")
	in, _ := os.ReadFile("../../testdata/samples/rfc5424-invalid.log")
	n := nonEmptyLines(string(in))
	if out != "" || status != exitRecords {
		t.Errorf("stdout %q, status %d", out, status)
	}
	if want := fmt.Sprintf("cefsyslog parse: --check: %d records, %d with an error\n", n, n); stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	if _, stderr, status := runCmd(t, "", "parse", "--check", "../../testdata/samples/rfc5424.log"); status != exitOK || !strings.HasSuffix(stderr, " records, 0 with an error\n") {
		t.Errorf("valid file: status %d, stderr %q", status, stderr)
	}
	// With a filter the records are built; the verdicts are the same.
	samples, _ := filepath.Glob("../../testdata/samples/*.log")
	_, fast, _ := runCmd(t, "", append([]string{"parse", "--check"}, samples...)...)
	_, built, _ := runCmd(t, "", append([]string{"parse", "--check", "--output-severity", "verbose"}, samples...)...)
	if !strings.Contains(built, fast) || !strings.Contains(fast, "with an error") {
		t.Errorf("--check alone: %q; with records built: %q", fast, built)
	}
}

// TestParseSchemas: both schemas come out of the command for every sample
// file, one JSON object per message.
func TestParseSchemas(t *testing.T) {
	samples, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "samples", "*.log"))
	for _, sample := range samples {
		in, _ := os.ReadFile(sample)
		for _, schema := range []string{"commonsecuritylog", "ecs"} {
			out, stderr, _ := runCmd(t, "", "parse", "--schema", schema, "--year", "2025", sample)
			if stderr != "" {
				t.Errorf("%s %s: stderr %q", schema, sample, stderr)
			}
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) != nonEmptyLines(string(in)) {
				t.Errorf("%s %s: %d documents for %d messages", schema, sample, len(lines), nonEmptyLines(string(in)))
			}
			for _, line := range lines {
				var doc map[string]any
				if err := json.Unmarshal([]byte(line), &doc); err != nil {
					t.Fatalf("%s %s: not JSON: %v\n%s", schema, sample, err, line)
				}
			}
		}
	}
	if _, stderr, status := runCmd(t, "", "parse", "--schema", "splunk"); status != exitUsage || !strings.Contains(stderr, "commonsecuritylog") {
		t.Errorf("bad --schema: status %d, stderr %q", status, stderr)
	}
}
