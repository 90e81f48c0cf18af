package ascii

import (
	"strings"
	"testing"
)

// valueLen measures a run with ValueMask the way PrintLen and NameLen use
// their masks, so that the mask gets the same tests.
func valueLen(b []byte) int {
	n := 0
	for ; len(b)-n >= 8; n += 8 {
		if m := ValueMask(Load(b, n)); m != 0 {
			return n + First(m)
		}
	}
	return n + slowValueLen(b[n:])
}

// slowPrintLen and slowNameLen are the byte-at-a-time definitions the word
// versions must match.
func slowPrintLen(b []byte) int {
	for i, c := range b {
		if c < '!' || c > '~' {
			return i
		}
	}
	return len(b)
}

func slowValueLen(b []byte) int {
	for i, c := range b {
		if c >= 0x80 || c == '"' || c == '\\' || c == ']' {
			return i
		}
	}
	return len(b)
}

func slowNameLen(b []byte) int {
	for i, c := range b {
		if c < '!' || c > '~' || c == '=' || c == ']' || c == '"' {
			return i
		}
	}
	return len(b)
}

// TestEveryByteAtEveryPosition puts each of the 256 byte values at each
// position of runs up to 24 bytes long, after printable filler, and
// compares with the byte-at-a-time definitions. Filler on both sides of
// the probe catches flags that leak between lanes.
func TestEveryByteAtEveryPosition(t *testing.T) {
	for n := 0; n <= 24; n++ {
		for pos := 0; pos < n; pos++ {
			for c := 0; c < 256; c++ {
				b := []byte(strings.Repeat("a", n))
				b[pos] = byte(c)
				if got, want := PrintLen(b), slowPrintLen(b); got != want {
					t.Fatalf("PrintLen(%q) = %d, want %d", b, got, want)
				}
				if got, want := NameLen(b), slowNameLen(b); got != want {
					t.Fatalf("NameLen(%q) = %d, want %d", b, got, want)
				}
				if got, want := valueLen(b), slowValueLen(b); got != want {
					t.Fatalf("valueLen(%q) = %d, want %d", b, got, want)
				}
				// A second bad byte after the first must not change the
				// answer: borrows and carries run upwards only.
				if pos+1 < n {
					b[pos+1] = 0x00
					if got, want := PrintLen(b), slowPrintLen(b); got != want {
						t.Fatalf("PrintLen(%q) = %d, want %d", b, got, want)
					}
					if got, want := NameLen(b), slowNameLen(b); got != want {
						t.Fatalf("NameLen(%q) = %d, want %d", b, got, want)
					}
					if got, want := valueLen(b), slowValueLen(b); got != want {
						t.Fatalf("valueLen(%q) = %d, want %d", b, got, want)
					}
				}
			}
		}
	}
}

func FuzzLen(f *testing.F) {
	f.Add([]byte("host.example.com app"))
	f.Add([]byte("exampleSDID@32473 iut=\"3\""))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := PrintLen(b), slowPrintLen(b); got != want {
			t.Fatalf("PrintLen(%q) = %d, want %d", b, got, want)
		}
		if got, want := NameLen(b), slowNameLen(b); got != want {
			t.Fatalf("NameLen(%q) = %d, want %d", b, got, want)
		}
		if got, want := valueLen(b), slowValueLen(b); got != want {
			t.Fatalf("valueLen(%q) = %d, want %d", b, got, want)
		}
	})
}
