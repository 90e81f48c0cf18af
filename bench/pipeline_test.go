package bench

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The pipeline benchmark runs the real command on a generated file of
// mixed messages: RFC 5424, RFC 3164 (with and without PRI), bare CEF and
// Azure Stack Hub events in every framing the samples hold.
var pipeline struct {
	once         sync.Once
	err          error
	dir, bin, in string
	size         int64
	messages     int
}

// pipelineMB is the size of the generated file; CEFSYSLOG_PIPELINE_MB
// changes it.
func pipelineMB() int {
	if v, err := strconv.Atoi(os.Getenv("CEFSYSLOG_PIPELINE_MB")); err == nil && v > 0 {
		return v
	}
	return 100
}

func setupPipeline(b *testing.B) {
	pipeline.once.Do(func() {
		dir, err := os.MkdirTemp("", "cefsyslog-pipeline")
		if err != nil {
			pipeline.err = err
			return
		}
		pipeline.dir = dir
		pipeline.bin = filepath.Join(dir, "cefsyslog")
		build := exec.Command("go", "build", "-o", pipeline.bin, "github.com/cefsyslog/cefsyslog/cmd/cefsyslog")
		if out, err := build.CombinedOutput(); err != nil {
			pipeline.err = fmt.Errorf("go build: %v\n%s", err, out)
			return
		}
		pipeline.in = filepath.Join(dir, "mixed.log")
		pipeline.size, pipeline.messages, pipeline.err = writeMixed(pipeline.in, int64(pipelineMB())<<20)
	})
	if pipeline.err != nil {
		b.Fatal(pipeline.err)
	}
}

// writeMixed writes lines from the samples and benchmark inputs, in turn,
// until the file holds size bytes.
func writeMixed(name string, size int64) (int64, int, error) {
	var lines [][]byte
	for _, pat := range []string{"../testdata/samples/rfc5424.log", "../testdata/samples/rfc3164.log", "../testdata/samples/cef.log",
		"../testdata/samples/azurestack.log", "../testdata/samples/mixed.log", "testdata/*.txt"} {
		names, _ := filepath.Glob(pat)
		for _, n := range names {
			data, err := os.ReadFile(n)
			if err != nil {
				return 0, 0, err
			}
			for l := range bytes.Lines(data) {
				if l = bytes.TrimRight(l, "\r\n"); len(l) > 0 {
					lines = append(lines, l)
				}
			}
		}
	}
	f, err := os.Create(name)
	if err != nil {
		return 0, 0, err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	var n int64
	count := 0
	for n < size {
		l := lines[count%len(lines)]
		w.Write(l)
		w.WriteByte('\n')
		n += int64(len(l)) + 1
		count++
	}
	if err := w.Flush(); err != nil {
		return 0, 0, err
	}
	return n, count, f.Close()
}

// BenchmarkPipeline runs "cefsyslog parse" on the generated file: with
// --check (each message checked by the scanners, no record built), with
// --check and a filter that keeps everything (each record built, nothing
// written), and writing JSON records to /dev/null. It reports messages per
// second and the peak resident memory of the command.
func BenchmarkPipeline(b *testing.B) {
	setupPipeline(b)
	for _, mode := range []struct{ name, flags string }{{"check", "--check"}, {"records", "--check --output-severity verbose"}, {"json", ""}} {
		b.Run(fmt.Sprintf("out=%s/mb=%d", mode.name, pipelineMB()), func(b *testing.B) {
			b.SetBytes(pipeline.size)
			var elapsed time.Duration
			var peak int64
			for b.Loop() {
				args := append([]string{"parse"}, strings.Fields(mode.flags)...)
				args = append(args, "--year", "2026", pipeline.in)
				cmd := exec.Command(pipeline.bin, args...)
				devnull, _ := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
				cmd.Stdout = devnull
				start := time.Now()
				err := cmd.Run()
				elapsed += time.Since(start)
				devnull.Close()
				// Exit status 1 means some records carry errors, which
				// the samples' invalid lines do.
				if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
					b.Fatalf("cefsyslog %v: %v", args, err)
				}
				if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
					peak = max(peak, ru.Maxrss<<10)
				}
			}
			b.ReportMetric(float64(pipeline.messages)*float64(b.N)/elapsed.Seconds(), "msgs/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MB")
		})
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if pipeline.dir != "" {
		os.RemoveAll(pipeline.dir)
	}
	os.Exit(code)
}
