// Package ascii measures runs of ASCII bytes eight at a time.
//
// Syslog header fields and SD names are short runs of printable ASCII that
// end at a space. A loop over single bytes costs a load and a test each; the
// functions here test eight bytes with a few word operations and find the
// first byte that ends the run with a trailing-zero count (SWAR: SIMD within
// a register). A flag can only be wrong in bytes above the first true one,
// where a borrow or carry runs on, so the lowest flag is always exact.
package ascii

import (
	"encoding/binary"
	"math/bits"
)

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// below flags each byte of x that is less than n (n <= 0x80).
func below(x uint64, n byte) uint64 { return (x - ones*uint64(n)) & ^x & highs }

// atLeast7F flags each byte of x that is 0x7F or more.
func atLeast7F(x uint64) uint64 { return ((x + ones) | x) & highs }

// Load reads the eight bytes at b[i:] as one little-endian word, the order
// in which the masks below number their lanes.
func Load(b []byte, i int) uint64 { return binary.LittleEndian.Uint64(b[i:]) }

// First returns the lane (0–7) of the lowest flag in a non-zero mask.
func First(m uint64) int { return bits.TrailingZeros64(m) / 8 }

// PrintMask flags the bytes of x that are not PRINTUSASCII (%d33–126).
func PrintMask(x uint64) uint64 { return below(x, '!') | atLeast7F(x) }

// NameMask flags the bytes of x that may not be in an RFC 5424 SD-NAME:
// those outside PRINTUSASCII, '=', ']' and '"'. Written as one expression
// so that it stays within the inliner's budget; each term is one of the
// helpers above.
func NameMask(x uint64) uint64 {
	e, r, q := x^(ones*'='), x^(ones*']'), x^(ones*'"')
	return ((x-ones*'!')&^x | (x + ones) | x | (e-ones)&^e | (r-ones)&^r | (q-ones)&^q) & highs
}

// PrintLen returns the number of bytes at the start of b that are
// PRINTUSASCII (%d33–126, RFC 5424 §6): it stops at a space, a control
// byte, DEL or any byte of 0x80 or more.
func PrintLen(b []byte) int {
	n := 0
	for ; len(b)-n >= 8; n += 8 {
		if m := PrintMask(Load(b, n)); m != 0 {
			return n + First(m)
		}
	}
	for n < len(b) && '!' <= b[n] && b[n] <= '~' {
		n++
	}
	return n
}

// NameLen returns the number of bytes at the start of b that may be in an
// RFC 5424 SD-NAME: PRINTUSASCII except '=', ']' and '"'.
func NameLen(b []byte) int {
	n := 0
	for ; len(b)-n >= 8; n += 8 {
		if m := NameMask(Load(b, n)); m != 0 {
			return n + First(m)
		}
	}
	for n < len(b) {
		c := b[n]
		if c < '!' || c > '~' || c == '=' || c == ']' || c == '"' {
			break
		}
		n++
	}
	return n
}

// ValueMask flags the bytes of x an RFC 5424 PARAM-VALUE reader must look
// at: '"', '\', ']' and every byte of 0x80 or more. One expression, for the
// inliner, as NameMask.
func ValueMask(x uint64) uint64 {
	q, b, r := x^(ones*'"'), x^(ones*'\\'), x^(ones*']')
	return (x | (q-ones)&^q | (b-ones)&^b | (r-ones)&^r) & highs
}
