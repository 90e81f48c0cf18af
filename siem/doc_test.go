package siem

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var kindName = map[Kind]string{String: "string", Int: "int", Long: "long", Real: "real", Time: "date", IP: "ip"}

// docRows returns the mapping tables' rows as docs/schemas.md writes them.
func docRows() (csl, ecs []string) {
	for key, c := range cslColumns {
		csl = append(csl, fmt.Sprintf("| `%s` | %s | %s |", key, c.name, kindName[c.kind]))
	}
	for key, c := range cslCustom {
		csl = append(csl, fmt.Sprintf("| `%s` | %s | %s |", key, c.name, kindName[c.kind]))
	}
	for name, t := range ecsByFullName {
		ecs = append(ecs, fmt.Sprintf("| `%s` | %s | %s |", name, t.field, kindName[t.kind]))
	}
	slices.Sort(csl)
	slices.Sort(ecs)
	return csl, ecs
}

// TestSchemasDoc: docs/schemas.md lists every row of both mappings as the
// code has them.
func TestSchemasDoc(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "docs", "schemas.md"))
	if err != nil {
		t.Fatal(err)
	}
	csl, ecs := docRows()
	if os.Getenv("CEFSYSLOG_PRINT_ROWS") != "" {
		fmt.Println(strings.Join(csl, "\n"))
		fmt.Println()
		fmt.Println(strings.Join(ecs, "\n"))
	}
	for _, row := range append(csl, ecs...) {
		if !strings.Contains(string(data), row+"\n") {
			t.Errorf("docs/schemas.md lacks the row %s", row)
		}
	}
}
