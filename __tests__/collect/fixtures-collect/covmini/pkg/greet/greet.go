// Package greet is used by both binaries, as kubernaut's pkg/shared is by its services.
package greet

// Hello has two branches: each binary runs one of them.
func Hello(name string) string {
	if name == "" {
		return "hello, nobody"
	}
	return "hello, " + name
}

// Farewell runs in one binary only.
func Farewell(name string) string {
	text := "goodbye, " + name
	return text
}

// Unused never runs.
func Unused() int {
	total := 0
	for i := 0; i < 3; i++ {
		total += i
	}
	return total
}
