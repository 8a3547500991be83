// Prints, as JSON, the import paths go/parser reads from every .go file under a directory
// (null for a file it cannot parse): the oracle for parseGoFile in go-parser-oracle.test.ts.
package main

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	imports := map[string][]string{}
	err := filepath.WalkDir(os.Args[1], func(path string, entry fs.DirEntry, err error) error {
		if err != nil || entry.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		file, parseErr := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if parseErr != nil {
			imports[path] = nil
			return nil
		}
		paths := []string{}
		for _, spec := range file.Imports {
			value, _ := strconv.Unquote(spec.Path.Value)
			paths = append(paths, value)
		}
		imports[path] = paths
		return nil
	})
	if err != nil {
		panic(err)
	}
	if err := json.NewEncoder(os.Stdout).Encode(imports); err != nil {
		panic(err)
	}
}
