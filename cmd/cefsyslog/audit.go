package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/audit"
)

const auditUsage = `Usage: cefsyslog audit [flags] [FILE...]

Reads syslog and CEF messages as "cefsyslog parse" does (the same framing,
charset and time flags) and reports, per source, what is missing, doubled
or late:

  - gaps, duplicates, late arrivals and restarts of sequence numbers:
    Azure Stack Hub's MasEventRecordID per computer and Windows channel,
    RFC 5424 [meta sequenceId] per host and application, and any CEF
    extension or SD-PARAM named with --seq;
  - replays: events seen again within --replay-window records (the same
    content, whatever timestamp and host a relay wrote);
  - silences, with --silence or --silence-factor: sources quiet for too long.

The report is a table for a person, or JSON with --json. Memory is bounded by
--memory; when it forces the audit to forget, the report says so.

Exit status: 0 when nothing was found; 1 when something is missing,
duplicated or silent; 2 for bad flags or a file that cannot be read.

Flags:
`

func runAudit(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	pf := newParseFlags()
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), auditUsage)
		fs.PrintDefaults()
	}
	pf.addReadFlags(fs)
	cfg := audit.Config{Sequences: append([]audit.Sequence(nil), audit.DefaultSequences...)}
	asJSON := fs.Bool("json", false, "write the report as JSON")
	fs.Func("seq", "also track the sequence number in `field`: cef:KEY (a CEF extension, counted per host and APP-NAME) or sd:SDID.PARAM (an RFC 5424 SD-PARAM); repeatable", func(v string) error {
		s, err := parseSeqFlag(v)
		if err == nil {
			cfg.Sequences = append(cfg.Sequences, s)
		}
		return err
	})
	fs.Func("memory", "memory budget, in `bytes` (suffixes K, M, G: powers of 1024; default 64M)", func(v string) error {
		n, err := parseSize(v)
		cfg.Memory = n
		return err
	})
	fs.IntVar(&cfg.ReplayWindow, "replay-window", audit.DefaultReplayWindow, "look for replays among this many recent `records`; 0 turns replay detection off")
	fs.DurationVar(&cfg.ReplayAge, "replay-age", 0, "an event seen again after this `duration` (by its timestamp) is not a replay; 0: no limit")
	fs.Uint64Var(&cfg.ReorderWindow, "reorder-window", audit.DefaultReorderWindow, "a number further than this below the highest seen, with new content, is a restart")
	fs.DurationVar(&cfg.Silence, "silence", 0, "report a source that sent nothing for longer than this `duration` (by message timestamps)")
	fs.Float64Var(&cfg.SilenceFactor, "silence-factor", 0, "report a source quiet for this many times its usual interval")
	fs.BoolVar(&cfg.KeepHost, "keep-host", false, "count the same text from two hosts as two events, not a replay (relays keep HOSTNAME)")

	files, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if msg := pf.check(); msg != "" {
		fmt.Fprintf(stderr, "cefsyslog audit: %s\n", msg)
		return exitUsage
	}
	switch {
	case cfg.ReplayWindow < 0:
		fmt.Fprintf(stderr, "cefsyslog audit: --replay-window %d must not be negative\n", cfg.ReplayWindow)
		return exitUsage
	case cfg.ReplayWindow == 0:
		cfg.ReplayWindow = -1
	}
	if cfg.Silence < 0 || cfg.SilenceFactor < 0 || cfg.ReplayAge < 0 {
		fmt.Fprintln(stderr, "cefsyslog audit: --silence, --silence-factor and --replay-age must not be negative")
		return exitUsage
	}
	if len(files) == 0 {
		files = []string{"-"}
	}

	tr := audit.New(cfg)
	broken := 0
	for _, name := range files {
		st := pf.eachRecord("audit", name, stdin, func() {}, stderr, func(rec *cefsyslog.Record) error {
			if rec.Err != nil {
				broken++
			}
			tr.Observe(rec)
			return nil
		})
		if st == exitUsage {
			return exitUsage
		}
	}
	rep := tr.Report()
	out := bufio.NewWriter(stdout)
	if *asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
	} else {
		rep.WriteText(out)
		if broken > 0 {
			fmt.Fprintf(out, "\n%d records could not be read in full (\"cefsyslog parse\" shows where and why); they were audited with the fields read.\n", broken)
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "cefsyslog audit: %v\n", err)
		return exitUsage
	}
	if !rep.Clean() {
		return 1
	}
	return exitOK
}

// parseSeqFlag reads --seq: cef:KEY or sd:SDID.PARAM.
func parseSeqFlag(v string) (audit.Sequence, error) {
	kind, name, _ := strings.Cut(v, ":")
	switch kind {
	case "cef":
		if name != "" && !strings.ContainsAny(name, " =") {
			return audit.Sequence{Name: name, Extension: name}, nil
		}
	case "sd":
		if id, param, ok := strings.Cut(name, "."); ok && id != "" && param != "" {
			return audit.Sequence{Name: name, SDID: id, Param: param}, nil
		}
	}
	return audit.Sequence{}, fmt.Errorf("%q: use cef:KEY or sd:SDID.PARAM", v)
}

// parseSize reads a byte count with an optional K, M or G suffix.
func parseSize(v string) (int, error) {
	mult := 1
	if n := len(v); n > 0 {
		switch v[n-1] {
		case 'K', 'k':
			mult = 1 << 10
		case 'M', 'm':
			mult = 1 << 20
		case 'G', 'g':
			mult = 1 << 30
		}
		if mult > 1 {
			v = v[:n-1]
		}
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return 0, fmt.Errorf("%q is not a size in bytes", v)
	}
	return n * mult, nil
}
