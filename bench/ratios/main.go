// Ratios reads "go test -bench" output of BenchmarkParse and
// BenchmarkPipeline and prints, as Markdown, the median ns/op and
// allocations of every peer on every input, with our scanner's and owned
// Parse's speed-ups over each peer and their distance from the floor.
//
//	go run ./ratios results/2026-11-24/parse.txt results/2026-11-24/pipeline.txt
package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

var (
	parseLine    = regexp.MustCompile(`^BenchmarkParse/in=(\S+)/peer=(\S+?)(-\d+)?\s+\d+\s+([\d.]+) ns/op.*?(\d+) allocs/op`)
	pipelineLine = regexp.MustCompile(`^BenchmarkPipeline/out=(\S+?)/mb=\d+(-\d+)?\s.*?([\d.]+) msgs/s\s+([\d.]+) peak-RSS-MB`)
)

func median(xs []float64) float64 {
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

func main() {
	ns := map[[2]string][]float64{}
	allocs := map[[2]string]string{}
	pipe := map[string][]float64{}
	rss := map[string]float64{}
	var inputs, peers []string
	for _, name := range os.Args[1:] {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if m := parseLine.FindStringSubmatch(sc.Text()); m != nil {
				k := [2]string{m[1], m[2]}
				v, _ := strconv.ParseFloat(m[4], 64)
				ns[k] = append(ns[k], v)
				allocs[k] = m[5]
				if !slices.Contains(inputs, m[1]) {
					inputs = append(inputs, m[1])
				}
				if !slices.Contains(peers, m[2]) {
					peers = append(peers, m[2])
				}
			}
			if m := pipelineLine.FindStringSubmatch(sc.Text()); m != nil {
				v, _ := strconv.ParseFloat(m[3], 64)
				r, _ := strconv.ParseFloat(m[4], 64)
				pipe[m[1]] = append(pipe[m[1]], v)
				rss[m[1]] = max(rss[m[1]], r)
			}
		}
		f.Close()
	}
	slices.Sort(inputs)
	if len(inputs) > 0 {
		fmt.Println("| input | peer | ns/op (median) | allocs/op | our scanner is × faster | our Parse is × faster | × the floor-split |")
		fmt.Println("|---|---|---:|---:|---:|---:|---:|")
	}
	for _, in := range inputs {
		scanner := median(ns[[2]string{in, "ours-scanner"}])
		parse := median(ns[[2]string{in, "ours-parse"}])
		floor := median(ns[[2]string{in, "floor-split"}])
		for _, p := range peers {
			xs, ok := ns[[2]string{in, p}]
			if !ok {
				continue
			}
			m := median(xs)
			vs := func(ours float64) string {
				if strings.HasPrefix(p, "ours") || strings.HasPrefix(p, "floor") || ours == 0 {
					return ""
				}
				return fmt.Sprintf("%.1f×", m/ours)
			}
			fmt.Printf("| %s | %s | %.0f | %s | %s | %s | %.1f |\n", in, p, m, allocs[[2]string{in, p}], vs(scanner), vs(parse), m/floor)
		}
	}
	if len(pipe) > 0 {
		fmt.Println()
		fmt.Println("| pipeline | messages/s (median) | peak RSS MB (max) |")
		fmt.Println("|---|---:|---:|")
		for _, mode := range []string{"check", "records", "json"} {
			if xs, ok := pipe[mode]; ok {
				fmt.Printf("| %s | %.0f | %.1f |\n", mode, median(xs), rss[mode])
			}
		}
	}
}
