// Parsefile prints the records of a syslog or CEF log file as JSON, one per
// line: the smallest program built on the library.
//
//	go run ./examples/parsefile testdata/samples/mixed.log
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/framing"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: parsefile FILE")
		return 2
	}
	f, err := os.Open(args[0])
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	defer f.Close()

	out := bufio.NewWriter(stdout)
	defer out.Flush()
	// One message per line. The Reader bounds memory whatever the file
	// holds; a line cut one byte over the parser's limit makes the parser
	// report it as too long, raw bytes kept.
	lines := framing.Reader{Mode: framing.NonTransparent, Trailer: framing.TrailerLF, MaxSize: cefsyslog.DefaultMaxLen + 1}
	lines.Reset(f)
	var p cefsyslog.Parser // zero value: auto-detection, UTC, 1 MiB limit
	var buf []byte
	status := 0
	for {
		line, err := lines.Next()
		if err == io.EOF {
			return status
		}
		if err != nil && !framing.IsFrameError(err) {
			fmt.Fprintln(stderr, err)
			return 2
		}
		rec, err := p.Parse(line)
		if err != nil {
			status = 1 // the record says where and why; it is printed too
		}
		buf = append(rec.AppendJSON(buf[:0]), '\n')
		out.Write(buf)
	}
}
