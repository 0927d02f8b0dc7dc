// A C view of a TOML document parsed by toml++ (libtomlplusplus, Debian's libtomlplusplus-dev), for
// DistlangLoader: the document flattened into nodes in pre-order, each with its source span.
#ifndef CTOMLREADER_H
#define CTOMLREADER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    DL_TOML_TABLE = 0,
    DL_TOML_ARRAY = 1,
    DL_TOML_STRING = 2,
    DL_TOML_INTEGER = 3,
    DL_TOML_FLOAT = 4,
    DL_TOML_BOOLEAN = 5,
    /// An offset date-time, local date-time, local date or local time; `text` holds it in RFC 3339 form.
    DL_TOML_DATETIME = 6,
} dl_toml_kind;

/// 1-based lines and columns, as toml++ reports them; line 0 means "unknown".
typedef struct {
    uint32_t line, column, end_line, end_column;
} dl_toml_span;

/// One value. A table or array is followed by its `children` members or elements (each with its own
/// descendants), in document order.
typedef struct {
    int32_t kind;
    uint32_t children;
    dl_toml_span span;
    /// For a member of a table: its key and where the key is written.
    dl_toml_span key_span;
    const char *key;
    size_t key_length;
    /// A string's value (it may hold NUL characters), or a date-time's text.
    const char *text;
    size_t text_length;
    int64_t integer;
    double real;
    int32_t boolean;
} dl_toml_node;

typedef struct dl_toml_document dl_toml_document;

/// Parses `length` bytes of TOML (`path` names the file in toml++'s own messages). Never NULL.
dl_toml_document *dl_toml_parse(const char *bytes, size_t length, const char *path);
/// The parse error's description, or NULL when the document parsed.
const char *dl_toml_error(const dl_toml_document *document);
/// Where the parse error is.
dl_toml_span dl_toml_error_span(const dl_toml_document *document);
/// The nodes, the root table first.
size_t dl_toml_node_count(const dl_toml_document *document);
const dl_toml_node *dl_toml_nodes(const dl_toml_document *document);
void dl_toml_free(dl_toml_document *document);

#ifdef __cplusplus
}
#endif

#endif
