package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// Exit statuses, as docs/output.md fixes them.
const (
	exitOK      = 0 // every message parsed
	exitRecords = 1 // at least one record carries an error; audit: loss or duplicates found
	exitUsage   = 2 // bad flags, or a file that cannot be read
)

const usage = `cefsyslog turns syslog and CEF messages into JSON records.

Usage:

	cefsyslog parse [flags] [FILE...]   read messages, write one JSON record per line
	cefsyslog listen [flags]            receive over UDP, TCP and TLS, write records
	cefsyslog audit [flags] [FILE...]   report lost, duplicated and replayed messages
	cefsyslog version                   print the version

Run "cefsyslog parse -h", "cefsyslog listen -h" or "cefsyslog audit -h" for
their flags.
The output format is described in docs/output.md.
`

// run is the whole command, with its streams passed in so that tests can
// drive it. It returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "parse":
		return runParse(args[1:], stdin, stdout, stderr)
	case "listen":
		return runListen(args[1:], stdout, stderr)
	case "audit":
		return runAudit(args[1:], stdin, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, versionString())
		return exitOK
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "cefsyslog: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// versionString names the module version the binary was built from, the
// VCS revision when the build recorded one, and the Go version.
func versionString() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "cefsyslog (unknown version)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "cefsyslog %s", info.Main.Version)
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" {
			fmt.Fprintf(&b, " (%s)", s.Value)
		}
	}
	fmt.Fprintf(&b, " %s", info.GoVersion)
	return b.String()
}
