// Package ascii tests eight bytes at a time for ASCII classes.
//
// Syslog header fields are runs of printable ASCII that end at a space. A
// loop over single bytes costs a load and a test each; PrintMask tests a
// whole word with a few operations, and First finds the byte that ends the
// run with a trailing-zero count (SWAR: SIMD within a register). A flag can
// be wrong only in bytes above the first true one, where a borrow or carry
// runs on, so the lowest flag is always exact.
//
// Measured on the benchmark inputs, this pays for header fields (often
// longer than a word) and loses to a table lookup per byte for the short
// names and values of structured data, whose 64-bit constants cost more
// than their bytes; the rfc5424 package uses each where it wins.
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
// in which PrintMask numbers its lanes: lane k is b[i+k].
func Load(b []byte, i int) uint64 { return binary.LittleEndian.Uint64(b[i:]) }

// First returns the lane (0–7) of the lowest flag in a non-zero mask.
func First(m uint64) int { return bits.TrailingZeros64(m) / 8 }

// PrintMask flags the bytes of x that are not PRINTUSASCII (%d33–126, RFC
// 5424 §6): a space, a control byte, DEL, or any byte of 0x80 or more.
func PrintMask(x uint64) uint64 { return below(x, '!') | atLeast7F(x) }
