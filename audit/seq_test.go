package audit

import (
	"strconv"
	"testing"
)

// TestParseNumber holds parseNumber to what strconv.ParseUint accepts in
// base 10, around the edges of uint64 and of the digit check.
func TestParseNumber(t *testing.T) {
	for _, s := range []string{
		"", "0", "7", "007", "10452", "2147483647", "-1", "+1", "1_000", " 1", "1 ", "12a", "/", ":",
		"9999999999999999999", "18446744073709551615", "18446744073709551616", "18446744073709551625",
		"19999999999999999999", "99999999999999999999", "000000000000000000001", "184467440737095516150",
	} {
		want, err := strconv.ParseUint(s, 10, 64)
		got, ok := parseNumber(s)
		if ok != (err == nil) || (ok && got != want) {
			t.Errorf("parseNumber(%q) = %d, %v; ParseUint gives %d, %v", s, got, ok, want, err)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	f.Add("18446744073709551615")
	f.Add("0012")
	f.Fuzz(func(t *testing.T, s string) {
		want, err := strconv.ParseUint(s, 10, 64)
		got, ok := parseNumber(s)
		if ok != (err == nil) || (ok && got != want) {
			t.Fatalf("parseNumber(%q) = %d, %v; ParseUint gives %d, %v", s, got, ok, want, err)
		}
	})
}
