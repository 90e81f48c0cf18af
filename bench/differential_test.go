package bench

import (
	"bufio"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/cef"
	"github.com/cefsyslog/cefsyslog/rfc3164"
	"github.com/cefsyslog/cefsyslog/rfc5424"
	beatscef "github.com/elastic/beats/v7/x-pack/filebeat/processors/decode_cef/cef"
	leodido3164 "github.com/leodido/go-syslog/v4/rfc3164"
	leodido5424 "github.com/leodido/go-syslog/v4/rfc5424"
)

// A difference is a field that we and a peer read differently from an
// input both accepted.
type difference struct {
	peer, input, field string
	ours, theirs       string
}

// compared counts, per peer, the inputs both accepted.
var compared = map[string]int{}

// listedRow is a row of DIFFERENCES.md: its input may be a pattern
// (path.Match), for a difference that every line of a kind shows.
type listedRow struct {
	peer, input, field string
	used               bool
}

func (r *listedRow) matches(d difference) bool {
	ok, _ := path.Match(r.input, d.input)
	return ok && r.peer == d.peer && r.field == d.field
}

// differentialInputs are the benchmark inputs and every line of the
// library's sample files (testdata/samples), named by file and line.
func differentialInputs(t *testing.T) []input {
	ins := loadInputs(t)
	names, _ := filepath.Glob(filepath.Join("..", "testdata", "samples", "*.log"))
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for n := 1; sc.Scan(); n++ {
			line := strings.TrimSuffix(sc.Text(), "\r")
			if line == "" {
				continue
			}
			in := input{name: fmt.Sprintf("samples/%s:%d", filepath.Base(name), n), data: []byte(line)}
			switch cefsyslog.Detect(in.data) {
			case cefsyslog.RFC5424:
				in.family = "5424"
			case cefsyslog.RFC3164:
				in.family = "3164"
			case cefsyslog.CEF:
				in.family = "cef"
			}
			ins = append(ins, in)
		}
		f.Close()
	}
	return ins
}

// TestDifferences compares our parsers with the peers on every input both
// accept, and fails on a difference DIFFERENCES.md does not list, or on a
// listed one that no longer occurs.
func TestDifferences(t *testing.T) {
	listed := readListed(t)
	var found []difference
	for _, in := range differentialInputs(t) {
		switch in.family {
		case "5424":
			found = append(found, diff5424(in)...)
			// A CEF event in the MSG: compare the CEF readers on it too.
			if m, err := rfc5424.Parse(in.data); err == nil && strings.HasPrefix(m.Msg, "CEF:") {
				found = append(found, diffCEF(input{name: in.name + " MSG", data: []byte(m.Msg)})...)
			}
		case "3164":
			found = append(found, diff3164(in)...)
		case "cef":
			found = append(found, diffCEF(in)...)
		}
	}
	for _, d := range found {
		ok := false
		for _, r := range listed {
			if r.matches(d) {
				r.used, ok = true, true
			}
		}
		if !ok {
			t.Errorf("unlisted difference: | %s | %s | %s | ours %q | theirs %q |", d.peer, d.input, d.field, d.ours, d.theirs)
		}
	}
	for _, r := range listed {
		if !r.used {
			t.Errorf("DIFFERENCES.md lists %s | %s | %s, which no longer occurs", r.peer, r.input, r.field)
		}
	}
	t.Logf("inputs both accepted: %v; %d differences, all listed", compared, len(found))
}

// readListed reads the first three columns (peer, input, field) of the
// table rows in DIFFERENCES.md.
func readListed(t *testing.T) []*listedRow {
	data, err := os.ReadFile("DIFFERENCES.md")
	if err != nil {
		t.Fatal(err)
	}
	var listed []*listedRow
	for line := range strings.Lines(string(data)) {
		cells := strings.Split(strings.TrimSpace(line), " | ")
		if len(cells) < 4 || !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| peer ") {
			continue
		}
		cell := func(i int) string { return strings.Trim(strings.TrimSpace(strings.TrimPrefix(cells[i], "|")), "`") }
		listed = append(listed, &listedRow{peer: cell(0), input: cell(1), field: cell(2)})
	}
	return listed
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func u8(p *uint8) string {
	if p == nil {
		return "-1"
	}
	return fmt.Sprint(*p)
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func stampPtr(p *time.Time) string {
	if p == nil {
		return ""
	}
	return stamp(*p)
}

func compare(peer, input string, fields [][3]string) []difference {
	var out []difference
	for _, f := range fields {
		if f[1] != f[2] {
			out = append(out, difference{peer, input, f[0], f[1], f[2]})
		}
	}
	return out
}

func diff5424(in input) []difference {
	ours, err := rfc5424.Parse(in.data)
	if err != nil {
		return nil
	}
	msg, err := leodido5424.NewParser().Parse(in.data)
	if err != nil || msg == nil {
		return nil
	}
	m := msg.(*leodido5424.SyslogMessage)
	compared["leodido-5424"]++
	return compare("leodido-5424", in.name, [][3]string{
		{"priority", fmt.Sprint(ours.Priority), u8(m.Priority)},
		{"version", fmt.Sprint(ours.Version), fmt.Sprint(m.Version)},
		{"timestamp", stamp(ours.Timestamp), stampPtr(m.Timestamp)},
		{"hostname", ours.Hostname, str(m.Hostname)},
		{"app_name", ours.AppName, str(m.Appname)},
		{"proc_id", ours.ProcID, str(m.ProcID)},
		{"msg_id", ours.MsgID, str(m.MsgID)},
		{"structured_data", sdOurs(ours.StructuredData), sdTheirs(m.StructuredData)},
		{"message", ours.Msg, str(m.Message)},
	})
}

// sdOurs and sdTheirs write structured data the same way: elements and
// params sorted, since leodido keeps them in maps; a repeated param is
// written each time (leodido keeps the last).
func sdOurs(els []rfc5424.Element) string {
	var parts []string
	for _, e := range els {
		var ps []string
		for _, p := range e.Params {
			ps = append(ps, p.Name+"="+p.Value)
		}
		slices.Sort(ps)
		parts = append(parts, e.ID+"{"+strings.Join(ps, ",")+"}")
	}
	slices.Sort(parts)
	return strings.Join(parts, "")
}

func sdTheirs(sd *map[string]map[string]string) string {
	if sd == nil {
		return ""
	}
	var parts []string
	for id, params := range *sd {
		var ps []string
		for k, v := range params {
			ps = append(ps, k+"="+v)
		}
		slices.Sort(ps)
		parts = append(parts, id+"{"+strings.Join(ps, ",")+"}")
	}
	slices.Sort(parts)
	return strings.Join(parts, "")
}

func diff3164(in input) []difference {
	// Both read stamps without a year as this year's, in UTC.
	opts := rfc3164.Options{Year: time.Now().Year()}
	ours, err := opts.Parse(in.data)
	if err != nil {
		return nil
	}
	msg, err := leodido3164.NewParser(leodido3164Options()...).Parse(in.data)
	if err != nil || msg == nil {
		return nil
	}
	m := msg.(*leodido3164.SyslogMessage)
	compared["leodido-3164-be"]++
	return compare("leodido-3164-be", in.name, [][3]string{
		{"priority", fmt.Sprint(ours.Priority), u8(m.Priority)},
		{"timestamp", stamp(ours.Timestamp), stampPtr(m.Timestamp)},
		{"hostname", ours.Hostname, str(m.Hostname)},
		{"app_name", ours.AppName, str(m.Appname)},
		{"proc_id", ours.ProcID, str(m.ProcID)},
		{"message", ours.Msg, str(m.Message)},
	})
}

func diffCEF(in input) []difference {
	ours, err := cef.Parse(in.data)
	if err != nil {
		return nil
	}
	var theirs beatscef.Event
	if err := theirs.Unpack(string(in.data)); err != nil {
		return nil
	}
	compared["beats"]++
	fields := [][3]string{
		{"version", fmt.Sprint(ours.Version), fmt.Sprint(theirs.Version)},
		{"device_vendor", ours.DeviceVendor, theirs.DeviceVendor},
		{"device_product", ours.DeviceProduct, theirs.DeviceProduct},
		{"device_version", ours.DeviceVersion, theirs.DeviceVersion},
		{"signature_id", ours.SignatureID, theirs.DeviceEventClassID},
		{"name", ours.Name, theirs.Name},
		{"severity", ours.Severity, theirs.Severity},
	}
	keys := map[string]bool{}
	for _, x := range ours.Extensions {
		keys[x.Key] = true
	}
	for k := range theirs.Extensions {
		keys[k] = true
	}
	sorted := slices.Sorted(func(yield func(string) bool) {
		for k := range keys {
			if !yield(k) {
				return
			}
		}
	})
	for _, k := range sorted {
		o, ok := ours.Get(k)
		if !ok {
			o = "(absent)"
		}
		t := "(absent)"
		if f := theirs.Extensions[k]; f != nil {
			t = f.String
		}
		fields = append(fields, [3]string{"ext:" + k, o, t})
	}
	return compare("beats", in.name, fields)
}
