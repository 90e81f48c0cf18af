package cefsyslog

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/cefsyslog/cefsyslog/cef"
	"github.com/cefsyslog/cefsyslog/rfc3164"
	"github.com/cefsyslog/cefsyslog/rfc5424"
)

// Check reports the error [Parser.Parse] would return for msg, a
// *[ParseError] with the same offset and reason, or nil, without building
// the record: it reads msg with the format packages' Scanners, so that a
// message without error costs no allocation (a Parser with a Charset
// decodes first and allocates). Use it to validate a stream faster than
// parsing it; FuzzCheck holds it to Parse's verdict.
func (p *Parser) Check(msg []byte) error {
	if p.Charset != nil {
		_, err := p.Parse(msg)
		return err
	}
	maxLen := p.MaxLen
	if maxLen <= 0 {
		maxLen = DefaultMaxLen
	}
	body := msg
	if len(body) > maxLen {
		body = body[:maxLen]
	}
	f := p.Format
	if f == Auto {
		f = Detect(body)
	}
	if len(msg) > maxLen {
		// Parse reports the cut whatever else the cut message shows.
		return &ParseError{Format: f, Offset: maxLen,
			Reason: fmt.Sprintf("message longer than %d bytes", maxLen), Err: ErrTooLong}
	}
	switch f {
	case RFC5424:
		s := rfc5424.Scanner{Options: rfc5424.Options{Lenient: p.Lenient, MaxLen: maxLen}}
		s.Reset(body)
		for s.NextElement() {
			for s.NextParam() {
			}
		}
		m := s.Message()
		if pe, ok := errors.AsType[*rfc5424.ParseError](s.Err()); ok {
			return &ParseError{Format: f, Offset: pe.Offset, Reason: pe.Err.Error(), Err: pe}
		}
		if len(m) > 0 {
			return checkCEF(f, m, len(body)-len(m))
		}
	case RFC3164:
		s := rfc3164.Scanner{Options: rfc3164.Options{Year: p.Year, Location: p.Location, Now: p.Now, MaxLen: maxLen}}
		err := s.Reset(body)
		if pe, ok := errors.AsType[*rfc3164.ParseError](err); ok {
			return &ParseError{Format: f, Offset: pe.Offset, Reason: pe.Err.Error(), Err: pe}
		}
		if m := s.Message(); len(m) > 0 {
			return checkCEF(f, m, len(body)-len(m))
		}
	case CEF:
		return checkCEF(f, body, 0)
	}
	return nil
}

// checkCEF checks the CEF event text holds, which starts at offset off of
// the message, as Parser.parseCEF reads it.
func checkCEF(f Format, text []byte, off int) error {
	trimmed := bytes.TrimLeft(text, " ")
	if f != CEF && !bytes.HasPrefix(trimmed, []byte("CEF:")) {
		return nil
	}
	off += len(text) - len(trimmed)
	s := cef.Scanner{Options: cef.Options{MaxLen: len(trimmed)}}
	s.Reset(trimmed)
	for s.Next() {
	}
	if errs := s.Errors(); len(errs) > 0 {
		return &ParseError{Format: CEF, Offset: off + errs[0].Offset, Reason: errs[0].Err.Error(), Err: errs[0]}
	}
	return nil
}
