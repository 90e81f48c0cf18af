package bench

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// input is one benchmark message, with the family it belongs to.
type input struct {
	name   string // "a_5424_sd", from the file name
	family string // "5424", "3164" or "cef"
	data   []byte
}

// loadInputs reads testdata/*.txt, copies of the shared benchmark inputs:
// one message per file, the exact bytes a receiver gets.
func loadInputs(tb testing.TB) []input {
	tb.Helper()
	names, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(names) == 0 {
		tb.Fatalf("no benchmark inputs in testdata: %v", err)
	}
	var ins []input
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		base := strings.TrimSuffix(filepath.Base(name), ".txt")
		kind, rest, _ := strings.Cut(base, "-")
		in := input{name: kind + "-" + rest, data: bytes.TrimRight(data, "\n")}
		switch {
		case kind == "cef":
			in.family = "cef"
		case strings.Contains(rest, "5424"):
			in.family = "5424"
		default:
			in.family = "3164"
		}
		ins = append(ins, in)
	}
	return ins
}
