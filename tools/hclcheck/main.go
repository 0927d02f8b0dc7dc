// Command hclcheck is distlang's offline checker for generated Terraform files.
//
// For every .tf file named on the command line (directories are searched, not recursively) it
//   - parses the file with hclsyntax.ParseConfig and reports each diagnostic as file:line:col,
//   - checks that the file is canonical: hclwrite.Format(src) must equal src byte for byte.
//
// With --json it also prints, per file, the top-level blocks (type and labels) and, per block
// and nested block, each attribute in source order: its expression text, the references it makes
// and, when the expression is a constant, its value as JSON (strings decoded), so tests can check
// a value byte for byte.
//
// Exit status: 0 when every file parses and is canonical, 1 when any file has a problem,
// 2 on usage or I/O errors.
//
// Build it in GOPATH mode from Debian's golang-github-hashicorp-hcl-v2-dev; see build.sh.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

type attributeReport struct {
	Name       string          `json:"name"`
	Line       int             `json:"line"`
	Expr       string          `json:"expr"`
	References []string        `json:"references"`
	Value      json.RawMessage `json:"value,omitempty"`
}

type blockReport struct {
	Type       string            `json:"type"`
	Labels     []string          `json:"labels"`
	Line       int               `json:"line"`
	Attributes []attributeReport `json:"attributes"`
	Blocks     []blockReport     `json:"blocks"`
}

type fileReport struct {
	File        string            `json:"file"`
	Canonical   bool              `json:"canonical"`
	Diagnostics []string          `json:"diagnostics"`
	Attributes  []attributeReport `json:"attributes"`
	Blocks      []blockReport     `json:"blocks"`
}

func main() {
	jsonOutput := false
	var paths []string
	for _, arg := range os.Args[1:] {
		switch {
		case arg == "--json":
			jsonOutput = true
		case arg == "-h" || arg == "--help":
			fmt.Println("usage: hclcheck [--json] FILE_OR_DIR...")
			os.Exit(0)
		case strings.HasPrefix(arg, "-"):
			fmt.Fprintf(os.Stderr, "hclcheck: unknown option %s\n", arg)
			os.Exit(2)
		default:
			paths = append(paths, arg)
		}
	}
	if len(paths) == 0 {
		fmt.Fprintln(os.Stderr, "usage: hclcheck [--json] FILE_OR_DIR...")
		os.Exit(2)
	}

	files, err := collectFiles(paths)
	if err != nil {
		fmt.Fprintf(os.Stderr, "hclcheck: %v\n", err)
		os.Exit(2)
	}

	problems := false
	reports := make([]fileReport, 0, len(files))
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintf(os.Stderr, "hclcheck: %v\n", err)
			os.Exit(2)
		}
		report := checkFile(file, src)
		if len(report.Diagnostics) > 0 || !report.Canonical {
			problems = true
		}
		if !jsonOutput {
			for _, d := range report.Diagnostics {
				fmt.Println(d)
			}
			if !report.Canonical && len(report.Diagnostics) == 0 {
				fmt.Printf("%s: not canonical (hclwrite.Format changes it)\n", file)
			}
		}
		reports = append(reports, report)
	}

	if jsonOutput {
		out, err := json.MarshalIndent(reports, "", "  ")
		if err != nil {
			fmt.Fprintf(os.Stderr, "hclcheck: %v\n", err)
			os.Exit(2)
		}
		os.Stdout.Write(append(out, '\n'))
	}
	if problems {
		os.Exit(1)
	}
}

// collectFiles expands directories into their .tf files, sorted; files are taken as given.
func collectFiles(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		matches, err := filepath.Glob(filepath.Join(p, "*.tf"))
		if err != nil {
			return nil, err
		}
		sort.Strings(matches)
		files = append(files, matches...)
	}
	return files, nil
}

func checkFile(name string, src []byte) fileReport {
	report := fileReport{File: name, Diagnostics: []string{}, Attributes: []attributeReport{}, Blocks: []blockReport{}}
	file, diags := hclsyntax.ParseConfig(src, name, hcl.Pos{Line: 1, Column: 1, Byte: 0})
	for _, d := range diags {
		report.Diagnostics = append(report.Diagnostics, formatDiagnostic(name, d))
	}
	report.Canonical = string(hclwrite.Format(src)) == string(src)
	if diags.HasErrors() || file == nil {
		return report
	}
	body := file.Body.(*hclsyntax.Body)
	report.Attributes = describeAttributes(body, src)
	report.Blocks = describeBlocks(body, src)
	return report
}

func formatDiagnostic(file string, d *hcl.Diagnostic) string {
	severity := "error"
	if d.Severity == hcl.DiagWarning {
		severity = "warning"
	}
	if d.Subject == nil {
		return fmt.Sprintf("%s: %s: %s; %s", file, severity, d.Summary, d.Detail)
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s; %s",
		file, d.Subject.Start.Line, d.Subject.Start.Column, severity, d.Summary, d.Detail)
}

func describeBlocks(body *hclsyntax.Body, src []byte) []blockReport {
	blocks := []blockReport{}
	for _, b := range body.Blocks {
		labels := b.Labels
		if labels == nil {
			labels = []string{}
		}
		blocks = append(blocks, blockReport{
			Type:       b.Type,
			Labels:     labels,
			Line:       b.TypeRange.Start.Line,
			Attributes: describeAttributes(b.Body, src),
			Blocks:     describeBlocks(b.Body, src),
		})
	}
	return blocks
}

// describeAttributes lists a body's attributes in source order.
func describeAttributes(body *hclsyntax.Body, src []byte) []attributeReport {
	attrs := make([]*hclsyntax.Attribute, 0, len(body.Attributes))
	for _, a := range body.Attributes {
		attrs = append(attrs, a)
	}
	sort.Slice(attrs, func(i, j int) bool { return attrs[i].SrcRange.Start.Byte < attrs[j].SrcRange.Start.Byte })

	out := []attributeReport{}
	for _, a := range attrs {
		r := a.Expr.Range()
		report := attributeReport{
			Name:       a.Name,
			Line:       a.SrcRange.Start.Line,
			Expr:       string(src[r.Start.Byte:r.End.Byte]),
			References: references(a.Expr),
		}
		if value, ok := constantJSON(a.Expr); ok {
			report.Value = value
		}
		out = append(out, report)
	}
	return out
}

// references renders every variable traversal the expression makes, e.g. "var.account_id".
func references(expr hclsyntax.Expression) []string {
	refs := []string{}
	for _, t := range expr.Variables() {
		var sb strings.Builder
		for _, step := range t {
			switch s := step.(type) {
			case hcl.TraverseRoot:
				sb.WriteString(s.Name)
			case hcl.TraverseAttr:
				sb.WriteString("." + s.Name)
			case hcl.TraverseIndex:
				key, err := ctyjson.Marshal(s.Key, s.Key.Type())
				if err != nil {
					sb.WriteString("[?]")
				} else {
					sb.WriteString("[" + string(key) + "]")
				}
			case hcl.TraverseSplat:
				sb.WriteString("[*]")
			default:
				sb.WriteString("?")
			}
		}
		refs = append(refs, sb.String())
	}
	return refs
}

// constantJSON evaluates an expression without variables or functions and returns its value as
// JSON; ok is false when the expression is not a constant.
func constantJSON(expr hclsyntax.Expression) (json.RawMessage, bool) {
	if len(expr.Variables()) > 0 {
		return nil, false
	}
	val, diags := expr.Value(nil)
	if diags.HasErrors() || !val.IsWhollyKnown() {
		return nil, false
	}
	out, err := ctyjson.Marshal(val, val.Type())
	if err != nil {
		return nil, false
	}
	return out, true
}
