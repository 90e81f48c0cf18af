package cefsyslog

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
)

// ErrCharset is the error of a message with bytes its charset has no
// character for (see [Parser.Charset]).
var ErrCharset = errors.New("bytes not valid in the charset")

// LookupCharset returns the encoding a charset name stands for: a WHATWG
// label ("shift_jis", "euc-jp", "iso-2022-jp", "windows-1252", "gb18030")
// or an IANA name ("Shift_JIS", "EUC-JP", "ISO-8859-1"), in any case.
func LookupCharset(name string) (encoding.Encoding, error) {
	if e, err := htmlindex.Get(name); err == nil {
		return e, nil
	}
	if e, err := ianaindex.IANA.Encoding(name); err == nil && e != nil {
		return e, nil
	}
	return nil, fmt.Errorf("cefsyslog: unknown charset %q", name)
}

// decode turns msg from the Parser's charset into UTF-8. It reports the
// offset in the result of the first character that stands for bytes the
// charset could not decode (the decoder writes U+FFFD for them), or -1.
func (p *Parser) decode(msg []byte) ([]byte, int, error) {
	out, err := p.Charset.NewDecoder().Bytes(msg)
	if err != nil {
		return msg, 0, err
	}
	bad := bytes.IndexRune(out, utf8.RuneError)
	return out, bad, nil
}
