package ascii

import (
	"strings"
	"testing"
)

// printLen measures a run with PrintMask as the rfc5424 scanner does.
func printLen(b []byte) int {
	n := 0
	for ; len(b)-n >= 8; n += 8 {
		if m := PrintMask(Load(b, n)); m != 0 {
			return n + First(m)
		}
	}
	return n + slowPrintLen(b[n:])
}

// slowPrintLen is the byte-at-a-time definition the word version must match.
func slowPrintLen(b []byte) int {
	for i, c := range b {
		if c < '!' || c > '~' {
			return i
		}
	}
	return len(b)
}

// TestEveryByteAtEveryPosition puts each of the 256 byte values at each
// position of runs up to 24 bytes long, after printable filler, and
// compares with the byte-at-a-time definition. A second bad byte right after
// the first must not change the answer: borrows and carries run upwards.
func TestEveryByteAtEveryPosition(t *testing.T) {
	for n := 0; n <= 24; n++ {
		for pos := 0; pos < n; pos++ {
			for c := 0; c < 256; c++ {
				b := []byte(strings.Repeat("a", n))
				b[pos] = byte(c)
				if got, want := printLen(b), slowPrintLen(b); got != want {
					t.Fatalf("printLen(%q) = %d, want %d", b, got, want)
				}
				if pos+1 < n {
					b[pos+1] = 0x00
					if got, want := printLen(b), slowPrintLen(b); got != want {
						t.Fatalf("printLen(%q) = %d, want %d", b, got, want)
					}
				}
			}
		}
	}
}

func FuzzPrintMask(f *testing.F) {
	f.Add([]byte("host.example.com app"))
	f.Add([]byte("exampleSDID@32473 iut=\"3\""))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := printLen(b), slowPrintLen(b); got != want {
			t.Fatalf("printLen(%q) = %d, want %d", b, got, want)
		}
	})
}
