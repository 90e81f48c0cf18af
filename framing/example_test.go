package framing_test

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/cefsyslog/cefsyslog/framing"
)

func ExampleReader() {
	// An octet-counted stream as rsyslog sends it over TLS, with one
	// frame too long for the receiver and one broken length.
	stream := strings.NewReader("11 <13>1 - - -" + "38 <13>1 - - - - a message over the limit" + "x4 <13>\n" + "3 <1>")
	r := framing.NewReader(stream)
	r.MaxSize = 20
	for {
		frame, err := r.Next()
		if err == io.EOF {
			break
		}
		if fe, ok := errors.AsType[*framing.Error](err); ok {
			fmt.Printf("%q: %v\n", frame, fe)
			continue
		}
		fmt.Printf("%q at offset %d\n", frame, r.Offset())
	}
	fmt.Println(r.Framing())
	// Output:
	// "<13>1 - - -" at offset 0
	// "<13>1 - - - - a mess": framing: frame at offset 14: frame too long (38 bytes)
	// "x4 <13>": framing: frame at offset 55: invalid frame length (7 bytes)
	// "<1>" at offset 63
	// octet-counting
}

func ExampleScanOctetCounted() {
	sc := bufio.NewScanner(strings.NewReader("11 <13>1 - - -\n8 <13>1 - "))
	sc.Buffer(make([]byte, 0, 4096), 64<<10) // the receiver's own limit
	sc.Split(framing.ScanOctetCounted)
	for sc.Scan() {
		fmt.Printf("%q\n", sc.Bytes())
	}
	fmt.Println(sc.Err())
	// Output:
	// "<13>1 - - -"
	// "<13>1 - "
	// <nil>
}

// rsyslog's templates end a message with LF inside its octet-counted frame;
// TrimTrailingLF drops it, as rsyslog's receivers do.
func ExampleTrimTrailingLF() {
	fmt.Printf("%q\n", framing.TrimTrailingLF([]byte("<13>1 - host app - - - hi\n")))
	fmt.Printf("%q\n", framing.TrimTrailingLF([]byte("<13>1 - host app - - - hi\r\n")))
	fmt.Printf("%q\n", framing.TrimTrailingLF([]byte("<13>1 - host app - - - hi\n\n")))
	// Output:
	// "<13>1 - host app - - - hi"
	// "<13>1 - host app - - - hi"
	// "<13>1 - host app - - - hi\n"
}
