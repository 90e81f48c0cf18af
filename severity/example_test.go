package severity_test

import (
	"fmt"

	"github.com/cefsyslog/cefsyslog/severity"
)

func Example() {
	// An Azure Stack Hub Windows event: CEF severity 0 and MasLevel 5.
	var c severity.CEF
	c.UnmarshalText([]byte("0"))
	level, exact := severity.WindowsOf(c)
	fmt.Println(level, exact) // 0 is both undefined and verbose
	var mas severity.Windows
	mas.UnmarshalText([]byte("5"))
	fmt.Println(mas, severity.Default.Pass(mas), severity.Verbose.Pass(mas))
	fmt.Println(severity.SyslogOf(severity.LevelWarning), severity.CEFOf(severity.LevelWarning))
	// Output:
	// undefined false
	// verbose false true
	// Warning 5
}

func ExampleCEF_UnmarshalText() {
	for _, text := range []string{"7", "High", "very-high", "Information"} {
		var c severity.CEF
		err := c.UnmarshalText([]byte(text))
		fmt.Println(text, c, c.Band(), err)
	}
	// Output:
	// 7 7 High <nil>
	// High 7 High <nil>
	// very-high 9 Very-High <nil>
	// Information 0 Low severity: unknown value
}
