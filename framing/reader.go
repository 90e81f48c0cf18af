package framing

// The Reader keeps one buffer per stream: buf[start:end] is read and not
// yet returned. A frame is returned as a view of buf, so buf only moves
// (compaction, growth) at the start of Next. A frame longer than MaxSize
// keeps its first MaxSize bytes in place while the rest is read into the
// room after them and dropped, so memory stays at MaxSize plus a read's
// worth, whatever the sender does.

import (
	"bytes"
	"errors"
	"io"
)

// DefaultMaxSize is the frame size a zero Reader.MaxSize means: 64 KiB,
// far above the 8192 octets RFC 5425 §4.3.1 asks receivers to handle.
const DefaultMaxSize = 64 << 10

// readSize is how much room a read gets at least.
const readSize = 4 << 10

// Reader splits a stream into syslog frames (RFC 6587, as RFC 5425 uses
// it over TLS). Set its fields before the first call to Next. Unlike a
// [bufio.Scanner] with the split functions of this package, it goes on
// after a bad frame: a frame longer than MaxSize is returned cut, with its
// length, and the rest of it skipped; a bad MSG-LEN is returned with the
// bytes up to the next LF, where reading resumes. Not safe for concurrent
// use.
type Reader struct {
	// Mode is the framing; Auto decides from the stream's first byte.
	Mode Mode
	// MaxSize is the longest frame returned whole, in bytes (MSG-LEN
	// prefix and trailer not counted); zero means DefaultMaxSize.
	MaxSize int
	// Trailer is the set of bytes that end a non-transparent frame; zero
	// means DefaultTrailer.
	Trailer Trailer

	r          io.Reader
	buf        []byte
	start, end int
	consumed   int64 // stream offset of buf[start]
	mode       Mode  // the mode in use; Auto until decided
	err        error // sticky read error, io.EOF at the end
	frameOff   int64 // stream offset of the last frame returned
	zeroReads  int   // reads in a row that returned nothing
}

// NewReader returns a Reader of r with the default settings.
func NewReader(r io.Reader) *Reader { return &Reader{r: r} }

// Reset makes the Reader read r from its start, keeping its settings and
// its buffer.
func (r *Reader) Reset(rd io.Reader) {
	*r = Reader{Mode: r.Mode, MaxSize: r.MaxSize, Trailer: r.Trailer, r: rd, buf: r.buf}
}

// Framing returns the framing in use: the configured one, or what Auto
// decided (Auto until the first frame).
func (r *Reader) Framing() Mode {
	if r.mode == Auto {
		return r.Mode
	}
	return r.mode
}

// Offset returns the stream offset of the last frame Next returned: its
// MSG-LEN for an octet-counted frame, its first byte otherwise.
func (r *Reader) Offset() int64 { return r.frameOff }

func (r *Reader) maxSize() int {
	if r.MaxSize > 0 {
		return r.MaxSize
	}
	return DefaultMaxSize
}

func (r *Reader) trailer() Trailer {
	if r.Trailer != 0 {
		return r.Trailer
	}
	return DefaultTrailer
}

// Next returns the next frame, a view into the Reader's buffer valid until
// the next call. For a frame that could not be read as it should, it
// returns the frame's bytes (at most MaxSize of them) with an *[Error];
// the next call goes on with the following frame. At the end of the stream
// it returns io.EOF; an error of the underlying reader is returned once
// the frames before it are, and is sticky. Next does not allocate once its
// buffer has grown to the largest frame.
func (r *Reader) Next() ([]byte, error) {
	if r.mode == Auto {
		r.mode = r.Mode
	}
	for {
		// Skip what may sit between frames.
		for r.start < r.end && r.between(r.buf[r.start]) {
			r.advance(1)
		}
		if r.start == r.end {
			if r.err != nil {
				return nil, r.finalErr()
			}
			r.fill()
			continue
		}
		if r.mode == Auto {
			if c := r.buf[r.start]; '1' <= c && c <= '9' {
				r.mode = OctetCounting
			} else {
				r.mode = NonTransparent
			}
		}
		if r.mode == OctetCounting {
			return r.nextCounted()
		}
		frame, err := r.nextTerminated()
		if err == nil && len(frame) == 0 {
			continue // an empty CRLF frame split across reads
		}
		return frame, err
	}
}

// between reports whether c is skipped before a frame: separators between
// octet-counted frames, the trailers of empty non-transparent frames.
func (r *Reader) between(c byte) bool {
	if r.mode != NonTransparent {
		return isSeparator(c)
	}
	t := r.trailer()
	return (c == '\n' && t&TrailerLF != 0) || (c == 0 && t&TrailerNUL != 0) ||
		(c == '\r' && t&TrailerLF != 0 && r.start+1 < r.end && r.buf[r.start+1] == '\n')
}

func (r *Reader) finalErr() error {
	if r.err == io.EOF {
		return io.EOF
	}
	return r.err
}

func (r *Reader) advance(n int) {
	r.start += n
	r.consumed += int64(n)
}

// fill reads once more into the buffer, compacting and growing it as
// needed but never beyond what the largest frame needs.
func (r *Reader) fill() {
	if r.err != nil {
		return
	}
	if r.start > 0 && (r.start == r.end || len(r.buf)-r.end < readSize) {
		n := copy(r.buf, r.buf[r.start:r.end])
		r.start, r.end = 0, n
	}
	if len(r.buf)-r.end < readSize {
		limit := r.maxSize() + MaxLengthDigits + 2 + readSize
		size := min(max(2*len(r.buf), 2*readSize), limit)
		if size < r.end+readSize {
			size = r.end + readSize
		}
		nb := make([]byte, size)
		copy(nb, r.buf[r.start:r.end])
		r.buf, r.end, r.start = nb, r.end-r.start, 0
	}
	n, err := r.r.Read(r.buf[r.end:])
	r.end += n
	if err != nil {
		r.err = err
	} else if n == 0 {
		// A reader that returns nothing and no error, often: give up
		// rather than spin, as bufio does.
		r.zeroReads++
		if r.zeroReads >= 100 {
			r.err = io.ErrNoProgress
		}
	} else {
		r.zeroReads = 0
	}
}

// nextCounted reads one octet-counted frame at buf[start].
func (r *Reader) nextCounted() ([]byte, error) {
	for {
		b := r.buf[r.start:r.end]
		n, prefix, ok, need := readLength(b)
		if !ok && !need {
			return r.resync()
		}
		if need {
			if r.err != nil {
				// Cut short inside MSG-LEN.
				return r.cut(len(b), -1, ErrTruncated)
			}
			r.fill()
			continue
		}
		if n > r.maxSize() {
			return r.tooLong(prefix, int64(n))
		}
		if len(b) >= prefix+n {
			r.frameOff = r.consumed
			frame := b[prefix : prefix+n : prefix+n]
			r.advance(prefix + n)
			return frame, nil
		}
		if r.err != nil {
			r.frameOff = r.consumed
			frame := b[prefix:len(b):len(b)]
			r.advance(len(b))
			return frame, &Error{Offset: r.frameOff, Length: int64(n), Err: ErrTruncated}
		}
		r.fill()
	}
}

// cut consumes the n bytes at buf[start] and returns them, at most
// MaxSize of them, as a frame with an error.
func (r *Reader) cut(n int, length int64, err error) ([]byte, error) {
	r.frameOff = r.consumed
	m := min(n, r.maxSize())
	frame := r.buf[r.start : r.start+m : r.start+m]
	r.advance(n)
	return frame, &Error{Offset: r.frameOff, Length: length, Err: err}
}

// resync returns the bytes from a bad MSG-LEN up to the next LF (at most
// MaxSize of them) with ErrLength, and leaves the reader after that LF:
// senders that octet-count often end frames with LF too, and a text
// stream sent to an octet-counting port is made of lines.
func (r *Reader) resync() ([]byte, error) {
	for {
		b := r.buf[r.start:r.end]
		if i := bytes.IndexByte(b, '\n'); i >= 0 && i <= r.maxSize() {
			frame, err := r.cut(i, int64(i), ErrLength)
			r.advance(1)
			return bytes.TrimSuffix(frame, []byte{'\r'}), err
		}
		if len(b) > r.maxSize() || r.err != nil {
			n := min(len(b), r.maxSize())
			r.frameOff = r.consumed
			head := r.buf[r.start : r.start+n : r.start+n]
			skipped := r.skipLine(n)
			return head, &Error{Offset: r.frameOff, Length: skipped, Err: ErrLength}
		}
		r.fill()
	}
}

// tooLong returns the first MaxSize bytes of an octet-counted frame of
// declared length n, whose MSG-LEN prefix takes prefix bytes, and skips
// the rest of the frame.
func (r *Reader) tooLong(prefix int, n int64) ([]byte, error) {
	max := r.maxSize()
	for r.end-r.start < prefix+max && r.err == nil {
		r.fill()
	}
	r.frameOff = r.consumed
	headEnd := min(r.start+prefix+max, r.end)
	head := r.buf[r.start+prefix : headEnd : headEnd]
	// Drop the rest of the frame, reading it into the room after head.
	rest := n - int64(headEnd-r.start-prefix)
	keep := headEnd
	r.consumed += int64(keep - r.start)
	r.start = keep
	for rest > 0 {
		if avail := int64(r.end - keep); avail > 0 {
			d := min(avail, rest)
			copy(r.buf[keep:], r.buf[keep+int(d):r.end])
			r.end -= int(d)
			r.consumed += d
			rest -= d
			continue
		}
		if r.err != nil {
			break
		}
		r.readAfter(keep)
	}
	return head, &Error{Offset: r.frameOff, Length: n, Err: ErrTooLong}
}

// readAfter reads into buf[keep:], which holds nothing yet, without moving
// buf[:keep].
func (r *Reader) readAfter(keep int) {
	if len(r.buf)-keep < readSize {
		nb := make([]byte, keep+readSize)
		copy(nb, r.buf[:keep])
		r.buf = nb
	}
	n, err := r.r.Read(r.buf[keep:])
	r.end = keep + n
	if err != nil {
		r.err = err
	}
}

// nextTerminated reads one non-transparent frame at buf[start].
func (r *Reader) nextTerminated() ([]byte, error) {
	t := r.trailer()
	max := r.maxSize()
	scanned := 0 // bytes of buf[start:] known to hold no trailer
	for {
		b := r.buf[r.start:r.end]
		// A CR before LF is not part of the frame, so the trailer may sit
		// one byte past MaxSize.
		if i := indexTrailer(b[scanned:min(len(b), max+2)], t); i >= 0 {
			i += scanned
			n := i
			if b[i] == '\n' && i > 0 && b[i-1] == '\r' {
				n--
			}
			if n <= max {
				r.frameOff = r.consumed
				r.advance(i + 1)
				return b[:n:n], nil
			}
		}
		scanned = min(len(b), max+2)
		if len(b) > max+1 {
			r.frameOff = r.consumed
			head := r.buf[r.start : r.start+max : r.start+max]
			length := r.skipLine(max)
			return head, &Error{Offset: r.frameOff, Length: length, Err: ErrTooLong}
		}
		if r.err != nil {
			// The last frame may end without a trailer.
			if len(b) > max {
				return r.cut(len(b), int64(len(b)), ErrTooLong)
			}
			r.frameOff = r.consumed
			frame := b[:len(b):len(b)]
			r.advance(len(b))
			return frame, nil
		}
		r.fill()
	}
}

// skipLine keeps the n bytes at buf[start] in place and drops what
// follows them up to and including the next trailer (LF for octet-counting
// resynchronisation), reading into the room after them. It leaves start
// after the trailer and returns the length of the whole run, trailer (and
// a CR before an LF) not counted.
func (r *Reader) skipLine(n int) int64 {
	t := r.trailer()
	if r.mode == OctetCounting {
		t = TrailerLF
	}
	keep := r.start + n
	length := int64(n)
	last := r.buf[keep-1] // the byte before the trailer, for CRLF
	r.consumed += int64(n)
	r.start = keep
	for {
		if b := r.buf[keep:r.end]; len(b) > 0 {
			if i := indexTrailer(b, t); i >= 0 {
				if i > 0 {
					last = b[i-1]
				}
				length += int64(i)
				if b[i] == '\n' && last == '\r' {
					length--
				}
				copy(r.buf[keep:], b[i+1:])
				r.end -= i + 1
				r.consumed += int64(i + 1)
				return length
			}
			last = b[len(b)-1]
			length += int64(len(b))
			r.consumed += int64(len(b))
			r.end = keep
		}
		if r.err != nil {
			return length
		}
		r.readAfter(keep)
	}
}

// indexTrailer returns the index of the first trailer byte in b, or -1.
func indexTrailer(b []byte, t Trailer) int {
	switch t {
	case TrailerLF:
		return bytes.IndexByte(b, '\n')
	case TrailerNUL:
		return bytes.IndexByte(b, 0)
	}
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return bytes.IndexByte(b, 0)
	}
	if j := bytes.IndexByte(b[:i], 0); j >= 0 {
		return j
	}
	return i
}

// IsFrameError reports whether err is an *Error, a problem with one frame
// after which Next goes on, as opposed to the end of the stream or a read
// error.
func IsFrameError(err error) bool {
	_, ok := errors.AsType[*Error](err)
	return ok
}

// TrimTrailingLF returns msg without one LF, or CRLF, that ends it.
// rsyslog's RSYSLOG_SyslogProtocol23Format and other templates end
// messages with LF and count it in an octet-counted frame, and rsyslog's
// own receivers drop it (parser.dropTrailingLFOnReception); a receiver that
// does not would keep it in MSG. It returns a view of msg and allocates
// nothing.
func TrimTrailingLF(msg []byte) []byte {
	if n := len(msg); n > 0 && msg[n-1] == '\n' {
		msg = msg[:n-1]
		if n > 1 && msg[n-2] == '\r' {
			msg = msg[:n-2]
		}
	}
	return msg
}
