package azurestack

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cefsyslog/cefsyslog/cef"
)

var sink int

func loadInputs(tb testing.TB) map[string][]byte {
	tb.Helper()
	ins := map[string][]byte{}
	for name, file := range map[string]string{"a_pep": "cef-a_pep.txt", "b_maswin": "cef-b_maswin.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "benchdata", file))
		if err != nil {
			tb.Fatal(err)
		}
		ins[name] = b
	}
	return ins
}

func scanClassify(s *cef.Scanner, c *Classifier, in []byte) View {
	s.Reset(in)
	c.Reset(s.Header())
	for s.Next() {
		c.Add(s.RawKey(), s.RawValue())
	}
	return c.View()
}

// TestClassifierNoAllocs proves that classifying as the Scanner reads
// allocates nothing.
func TestClassifierNoAllocs(t *testing.T) {
	var s cef.Scanner
	var c Classifier
	ins := loadInputs(t)
	ins["alert"] = []byte(hub("Microsoft Azure Stack Hub Alert Creation : FT1", "FT1 : A1", "Information", ""))
	ins["sample"] = []byte("CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|3|TITLE: T -- DESCRIPTION: D -- REMEDIATION: R|10")
	buf := make([]byte, 0, 64)
	for name, in := range ins {
		n := testing.AllocsPerRun(100, func() {
			v := scanClassify(&s, &c, in)
			buf = v.AppendEventName(buf[:0])
			sink += int(v.Kind) + len(buf) + int(v.RecordID)
		})
		if n != 0 {
			t.Errorf("%s: allocs = %v, want 0", name, n)
		}
	}
}

// BenchmarkClassify compares scanning an event with scanning and
// classifying it, in one run:
//
//	go test -run '^$' -bench Classify -count 10 ./azurestack | benchstat -col /op -
func BenchmarkClassify(b *testing.B) {
	for name, in := range loadInputs(b) {
		b.Run("in="+name+"/op=scan", func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			var s cef.Scanner
			for b.Loop() {
				s.Reset(in)
				for s.Next() {
				}
			}
		})
		b.Run("in="+name+"/op=scan+classify", func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			var s cef.Scanner
			var c Classifier
			for b.Loop() {
				v := scanClassify(&s, &c, in)
				sink += int(v.Kind)
			}
		})
	}
}
