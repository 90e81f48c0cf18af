package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/audit"
	"github.com/cefsyslog/cefsyslog/framing"
	"github.com/cefsyslog/cefsyslog/severity"
)

const parseUsage = `Usage: cefsyslog parse [flags] [FILE...]

Reads syslog and CEF messages from each FILE (standard input when there is
none, or for "-"), one message per line ("\n" or "\r\n") unless --framing says
otherwise, and writes one JSON record per message to standard output, in
input order. Empty lines are skipped; no other message is. The records are
described in docs/output.md.

--framing reads what a syslog server received over TCP or TLS: lines (the
default), octet-counting (RFC 6587 "LEN SP MSG", as RFC 5425 uses over TLS),
non-transparent (messages ending in LF, CRLF or NUL), or auto (octet counting
when a file starts with a digit, non-transparent otherwise).

With --output-severity, records are filtered as Azure Stack Hub's syslog
forwarder filters events (Set-SyslogServer -OutputSeverity): default keeps
critical, error and warning, verbose keeps every level. A record's level is
its Azure Stack level, else its CEF severity, else its syslog severity;
records without a level, and records with an error, are always kept. How many
records were filtered out is written to standard error.

With --schema, records are written as Microsoft Sentinel CommonSecurityLog
rows or Elastic ECS documents instead of the output contract's records
(the siem package; docs/output.md has the mapping).

With --check, no record is written: the command reads everything, says on
standard error how many records there were and how many carry an error, and
exits as it would otherwise, so that it can check a file.

With --dedupe, a record whose event was already seen among the last
--dedupe-window records (the same content, whatever the syslog timestamp
and host a relay wrote) is dropped as a replay, and how many were dropped is
written to standard error. Records with an error are always kept. See the
audit package for what counts as the same event.

Exit status: 0 when every message parsed; 1 when at least one record carries
an error (all records are still written); 2 for bad flags or a file that
cannot be read.

Flags:
`

// parseFlags holds the parse subcommand's settings.
type parseFlags struct {
	parser   cefsyslog.Parser
	schema   schema
	framing  framing.Mode
	trailer  framing.Trailer
	year     int
	location string
	charset  string
	maxSize  int
	// filter is the --output-severity; filtering is off when it is nil.
	filter *severity.Filter
	// checkOnly, with --check, writes no records.
	checkOnly bool
	// errored counts the records with an error, for --check's report.
	errored int
	// dedupe, with --dedupe, finds the replays to drop.
	dedupe *audit.Tracker
	// read, filtered and dropped count the records, for the reports of
	// the filter and of --dedupe.
	read, filtered, dropped int
}

func newParseFlags() *parseFlags {
	return &parseFlags{framing: framing.NonTransparent, trailer: framing.TrailerLF}
}

func runParse(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	pf := newParseFlags()
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), parseUsage)
		fs.PrintDefaults()
	}
	fs.Func("output-severity", "keep only the records Azure Stack Hub's forwarder would send with this `severity`: default or verbose", func(v string) error {
		var f severity.Filter
		if err := f.UnmarshalText([]byte(v)); err != nil {
			return err
		}
		pf.filter = &f
		return nil
	})
	pf.addReadFlags(fs)
	fs.Var(&pf.schema, "schema", "write records as `schema`: contract (docs/output.md), commonsecuritylog (Microsoft Sentinel) or ecs (Elastic)")
	fs.BoolVar(&pf.checkOnly, "check", false, "write no records, only how many were read and how many have an error (standard error)")
	dedupe := fs.Bool("dedupe", false, "drop records whose event was already seen within --dedupe-window records (replays), and count them")
	dedupeWindow := fs.Int("dedupe-window", audit.DefaultReplayWindow, "with --dedupe, how many recent `records` replays are looked for in")

	files, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if msg := pf.check(); msg != "" {
		fmt.Fprintf(stderr, "cefsyslog parse: %s\n", msg)
		return exitUsage
	}
	if *dedupe {
		if *dedupeWindow <= 0 {
			fmt.Fprintf(stderr, "cefsyslog parse: --dedupe-window %d must be positive\n", *dedupeWindow)
			return exitUsage
		}
		pf.dedupe = audit.New(audit.Config{Sequences: []audit.Sequence{}, ReplayWindow: *dedupeWindow})
	}
	if len(files) == 0 {
		files = []string{"-"}
	}

	out := bufio.NewWriterSize(stdout, 64<<10)
	status := exitOK
	for _, name := range files {
		var st int
		if pf.checkOnly && pf.filter == nil && pf.dedupe == nil {
			st = pf.checkFile(name, stdin, stderr)
		} else {
			st = pf.parseFile(name, stdin, out, stderr)
		}
		status = max(status, st)
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "cefsyslog parse: %v\n", err)
		return exitUsage
	}
	if pf.filter != nil {
		fmt.Fprintf(stderr, "cefsyslog parse: --output-severity %s: %d of %d records filtered out\n", pf.filter, pf.filtered, pf.read)
	}
	if pf.dedupe != nil {
		fmt.Fprintf(stderr, "cefsyslog parse: --dedupe: %d of %d records dropped as replays\n", pf.dropped, pf.read)
	}
	if pf.checkOnly {
		fmt.Fprintf(stderr, "cefsyslog parse: --check: %d records, %d with an error\n", pf.read, pf.errored)
	}
	return status
}

// addReadFlags adds the flags that say how to read the input, which parse
// and audit share.
func (pf *parseFlags) addReadFlags(fs *flag.FlagSet) {
	fs.TextVar(&pf.parser.Format, "format", cefsyslog.Auto, "message `format`: auto, rfc5424, rfc3164 or cef")
	fs.Func("framing", "how messages are delimited: `mode` lines (the default), octet-counting, non-transparent or auto", func(v string) error {
		pf.trailer = framing.DefaultTrailer
		if v == "lines" {
			pf.trailer = framing.TrailerLF
		}
		return pf.framing.UnmarshalText([]byte(v))
	})
	fs.IntVar(&pf.year, "year", 0, "`year` of timestamps that carry none (default: this year, or last year for stamps over a month ahead)")
	fs.StringVar(&pf.location, "location", "UTC", "time `zone` of timestamps without an offset, e.g. Europe/Berlin")
	fs.StringVar(&pf.charset, "charset", "", "decode input from this `charset` before parsing: Shift_JIS, EUC-JP, ISO-2022-JP, windows-1252, GB18030, ...")
	fs.IntVar(&pf.maxSize, "max-size", cefsyslog.DefaultMaxLen, "longest message in `bytes`; a longer one yields a record with an error")
	fs.BoolVar(&pf.parser.Lenient, "lenient", false, "accept what real senders get wrong (see the rfc5424 package)")
}

// check validates the flags and completes the Parser; it returns a message
// for the first bad flag.
func (pf *parseFlags) check() string {
	if pf.charset != "" {
		enc, err := cefsyslog.LookupCharset(pf.charset)
		if err != nil {
			return fmt.Sprintf("--charset: %v", err)
		}
		pf.parser.Charset = enc
	}
	if pf.year < 0 || pf.year > 9999 {
		return fmt.Sprintf("--year %d is out of range", pf.year)
	}
	if pf.maxSize <= 0 {
		return fmt.Sprintf("--max-size %d must be positive", pf.maxSize)
	}
	loc, err := time.LoadLocation(pf.location)
	if err != nil {
		return fmt.Sprintf("--location: %v", err)
	}
	pf.parser.Year = pf.year
	pf.parser.Location = loc
	pf.parser.MaxLen = pf.maxSize
	return ""
}

// parseFile streams one input into records and returns its exit status.
func (pf *parseFlags) parseFile(name string, stdin io.Reader, out *bufio.Writer, stderr io.Writer) int {
	var buf []byte
	return pf.eachRecord("parse", name, stdin, func() { out.Flush() }, stderr, func(rec *cefsyslog.Record) error {
		pf.read++
		if pf.filter != nil && !rec.Pass(*pf.filter) {
			pf.filtered++
			return nil
		}
		if pf.dedupe != nil && rec.Err == nil && pf.dedupe.Observe(rec).Has(audit.Replay) {
			pf.dropped++
			return nil
		}
		if pf.checkOnly {
			if rec.Err != nil {
				pf.errored++
			}
			return nil
		}
		buf = append(pf.schema.appendRecord(buf[:0], rec), '\n')
		_, err := out.Write(buf)
		return err
	})
}

// eachRecord reads one input with the framing and parser flags and calls
// fn with each record, in input order; flush runs before each read of the
// input. It returns exitRecords when a record carries an error, and
// exitUsage (after saying why on stderr) when the input cannot be read or
// fn fails.
func (pf *parseFlags) eachRecord(cmd, name string, stdin io.Reader, flush func(), stderr io.Writer, fn func(*cefsyslog.Record) error) int {
	return pf.eachFrame(cmd, name, stdin, flush, stderr, func(frame []byte, fe *framing.Error) (bool, error) {
		rec, err := pf.parser.Parse(framing.TrimTrailingLF(frame))
		if fe != nil && fe.Err != framing.ErrTooLong {
			rec.Err = frameError(rec, frame, fe)
			err = rec.Err
		}
		return err != nil, fn(rec)
	})
}

// checkFile reads one input for --check alone: Parser.Check gives each
// message's verdict without building its record.
func (pf *parseFlags) checkFile(name string, stdin io.Reader, stderr io.Writer) int {
	return pf.eachFrame("parse", name, stdin, func() {}, stderr, func(frame []byte, fe *framing.Error) (bool, error) {
		pf.read++
		bad := pf.parser.Check(framing.TrimTrailingLF(frame)) != nil || fe != nil && fe.Err != framing.ErrTooLong
		if bad {
			pf.errored++
		}
		return bad, nil
	})
}

// eachFrame reads one input with the framing flags and calls fn with each
// frame and its framing problem, if any; fn says whether the message has
// an error. It returns exitRecords when one had, and exitUsage (after
// saying why on stderr) when the input cannot be read or fn fails.
func (pf *parseFlags) eachFrame(cmd, name string, stdin io.Reader, flush func(), stderr io.Writer, fn func([]byte, *framing.Error) (bool, error)) int {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(stderr, "cefsyslog %s: %v\n", cmd, err)
			return exitUsage
		}
		defer f.Close()
		r = f
	}
	status := exitOK
	// MaxSize one over --max-size: a frame cut there is longer than the
	// parser's limit, which reports it the same way whatever the framing.
	frames := framing.Reader{Mode: pf.framing, Trailer: pf.trailer, MaxSize: pf.maxSize + 1}
	frames.Reset(flushBeforeRead{r, flush})
	for {
		frame, ferr := frames.Next()
		if ferr == io.EOF {
			break
		}
		fe, isFrameErr := errors.AsType[*framing.Error](ferr)
		if ferr != nil && !isFrameErr {
			fmt.Fprintf(stderr, "cefsyslog %s: %s: %v\n", cmd, name, ferr)
			return exitUsage
		}
		bad, err := fn(frame, fe)
		if err != nil {
			fmt.Fprintf(stderr, "cefsyslog %s: %v\n", cmd, err)
			return exitUsage
		}
		if bad {
			status = exitRecords
		}
	}
	return status
}

// frameError describes a frame the framing could not read as it should:
// a bad MSG-LEN (the frame holds the bytes from it to the next LF, so the
// problem is at their start), or a stream cut inside a frame (the problem
// is at the end of what arrived).
func frameError(rec *cefsyslog.Record, frame []byte, fe *framing.Error) *cefsyslog.ParseError {
	off := 0
	if fe.Err == framing.ErrTruncated {
		off = len(frame)
	}
	return &cefsyslog.ParseError{Format: rec.Format, Offset: off, Reason: fe.Err.Error(), Err: fe}
}

// flushBeforeRead flushes the output before each read of the input, so
// that "tail -f app.log | cefsyslog parse" prints each record as its line
// arrives, and not when a buffer fills.
type flushBeforeRead struct {
	r     io.Reader
	flush func()
}

func (f flushBeforeRead) Read(p []byte) (int, error) {
	f.flush()
	return f.r.Read(p)
}

// parseInterspersed parses flags that may come before, between or after
// the file names, as users type them; after "--" every argument is a file.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(files, rest...), nil
		}
		if len(rest) == 0 {
			return files, nil
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
}
