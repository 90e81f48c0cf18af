package main

import (
	"bytes"
	"io"
)

// lineReader splits a stream into lines ending in "\n" or "\r\n" with
// bounded memory: a line longer than max bytes is kept up to max+1 bytes
// (enough for the parser to see that it is too long) and the rest is read
// and dropped up to the next newline.
type lineReader struct {
	r          io.Reader
	max        int
	buf        []byte // read buffer; buf[start:end] is unread
	start, end int
	acc        []byte // a line that spans reads, capped at max+1 bytes
	dropped    bool   // acc lost bytes to the cap
	err        error  // sticky read error; io.EOF at the end
	// beforeBlock runs before each read from r, so that output written
	// so far reaches a reader downstream while input is slow to come.
	beforeBlock func()
}

func newLineReader(r io.Reader, max int, beforeBlock func()) *lineReader {
	return &lineReader{r: r, max: max, buf: make([]byte, 64<<10), beforeBlock: beforeBlock}
}

// next returns the next line without its terminator, valid until the next
// call, and false at the end of the stream. A final line without a newline
// is returned too. A line longer than max comes back with more than max
// bytes, so that the parser reports it. Err reports a read error other
// than io.EOF.
func (l *lineReader) next() ([]byte, bool) {
	l.acc, l.dropped = l.acc[:0], false
	spans := false // the line began in an earlier read
	for {
		if i := bytes.IndexByte(l.buf[l.start:l.end], '\n'); i >= 0 {
			seg := l.buf[l.start : l.start+i]
			l.start += i + 1
			if !spans {
				return trimCR(seg), true
			}
			l.acc = l.capped(l.acc, seg)
			return l.line(), true
		}
		if l.start < l.end {
			l.acc = l.capped(l.acc, l.buf[l.start:l.end])
			spans = true
		}
		l.start, l.end = 0, 0
		if l.err != nil {
			if spans {
				return l.line(), true
			}
			return nil, false
		}
		if l.beforeBlock != nil {
			l.beforeBlock()
		}
		n, err := l.r.Read(l.buf)
		l.end = n
		if err != nil {
			l.err = err
		}
	}
}

// capped appends b to acc, keeping at most max+1 bytes in all.
func (l *lineReader) capped(acc, b []byte) []byte {
	if room := l.max + 1 - len(acc); room < len(b) {
		b = b[:max(room, 0)]
		l.dropped = true
	}
	return append(acc, b...)
}

// line returns the accumulated line. A '\r' at the cut of a line that lost
// bytes is not its terminator, and trimming it could bring the line back
// under the limit.
func (l *lineReader) line() []byte {
	if l.dropped {
		return l.acc
	}
	return trimCR(l.acc)
}

// Err returns the read error that ended the stream, or nil at a clean end.
func (l *lineReader) Err() error {
	if l.err == io.EOF {
		return nil
	}
	return l.err
}

func trimCR(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\r' {
		return b[:n-1]
	}
	return b
}
