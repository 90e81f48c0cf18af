// Package excerpt quotes the bytes around an offset, for error messages that
// must point at a problem without repeating a whole record.
package excerpt

import "strconv"

// width is how many bytes Near shows on each side of the offset.
const width = 12

// Near returns a Go-quoted excerpt of b around off: up to width bytes before
// and after it, with "..." where the excerpt cuts b short.
func Near(b []byte, off int) string {
	off = max(0, min(off, len(b)))
	lo, hi := max(0, off-width), min(len(b), off+width)
	q := strconv.Quote(string(b[lo:hi]))
	if lo > 0 {
		q = "..." + q
	}
	if hi < len(b) {
		q += "..."
	}
	return q
}
