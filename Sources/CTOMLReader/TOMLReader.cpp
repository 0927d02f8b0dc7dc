// Flattens a toml++ document into dl_toml_node records (see CTOMLReader.h). No recursion: an explicit
// stack walks the tree, so nesting depth never threatens the stack.
#include "CTOMLReader.h"

#include <toml++/toml.h>

#include <algorithm>
#include <deque>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

struct dl_toml_document {
    std::vector<dl_toml_node> nodes;
    /// Owns every key and text the nodes point at (a deque never moves its elements).
    std::deque<std::string> strings;
    std::string error;
    dl_toml_span error_span{};
    bool failed = false;
    toml::table table;
};

namespace {

dl_toml_span span_of(const toml::source_region &r) {
    return dl_toml_span{r.begin.line, r.begin.column, r.end.line, r.end.column};
}

bool before(const toml::source_position &a, const toml::source_position &b) {
    return a.line < b.line || (a.line == b.line && a.column < b.column);
}

struct Pending {
    const toml::node *node;
    const toml::key *key;
};

void emit(dl_toml_document &doc, const Pending &item, std::vector<Pending> &stack) {
    dl_toml_node out{};
    const toml::node &n = *item.node;
    out.span = span_of(n.source());
    if (item.key) {
        const std::string &k = doc.strings.emplace_back(item.key->str());
        out.key = k.data();
        out.key_length = k.size();
        out.key_span = span_of(item.key->source());
    }
    std::vector<Pending> children;
    if (auto t = n.as_table()) {
        out.kind = DL_TOML_TABLE;
        for (auto &&[k, v] : *t) children.push_back(Pending{&v, &k});
        // toml++ keeps keys sorted; the document's order is the order of the keys' positions.
        std::stable_sort(children.begin(), children.end(), [](const Pending &a, const Pending &b) {
            return before(a.key->source().begin, b.key->source().begin);
        });
    } else if (auto a = n.as_array()) {
        out.kind = DL_TOML_ARRAY;
        for (auto &&v : *a) children.push_back(Pending{&v, nullptr});
    } else if (auto s = n.as_string()) {
        out.kind = DL_TOML_STRING;
        const std::string &text = doc.strings.emplace_back(s->get());
        out.text = text.data();
        out.text_length = text.size();
    } else if (auto i = n.as_integer()) {
        out.kind = DL_TOML_INTEGER;
        out.integer = i->get();
    } else if (auto f = n.as_floating_point()) {
        out.kind = DL_TOML_FLOAT;
        out.real = f->get();
    } else if (auto b = n.as_boolean()) {
        out.kind = DL_TOML_BOOLEAN;
        out.boolean = b->get() ? 1 : 0;
    } else {
        out.kind = DL_TOML_DATETIME;
        std::ostringstream text;
        if (auto d = n.as_date()) text << d->get();
        else if (auto t = n.as_time()) text << t->get();
        else if (auto dt = n.as_date_time()) text << dt->get();
        const std::string &stored = doc.strings.emplace_back(text.str());
        out.text = stored.data();
        out.text_length = stored.size();
    }
    out.children = static_cast<uint32_t>(children.size());
    doc.nodes.push_back(out);
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
}

}  // namespace

extern "C" dl_toml_document *dl_toml_parse(const char *bytes, size_t length, const char *path) {
    auto *doc = new dl_toml_document();
    std::string_view text(bytes, length);
#if TOML_EXCEPTIONS
    try {
        doc->table = toml::parse(text, std::string_view(path));
    } catch (const toml::parse_error &e) {
        doc->failed = true;
        doc->error = std::string(e.description());
        doc->error_span = span_of(e.source());
        return doc;
    }
#else
    toml::parse_result result = toml::parse(text, std::string_view(path));
    if (!result) {
        doc->failed = true;
        doc->error = std::string(result.error().description());
        doc->error_span = span_of(result.error().source());
        return doc;
    }
    doc->table = std::move(result).table();
#endif
    std::vector<Pending> stack{Pending{&doc->table, nullptr}};
    while (!stack.empty()) {
        Pending item = stack.back();
        stack.pop_back();
        emit(*doc, item, stack);
    }
    return doc;
}

extern "C" const char *dl_toml_error(const dl_toml_document *document) {
    return document->failed ? document->error.c_str() : nullptr;
}

extern "C" dl_toml_span dl_toml_error_span(const dl_toml_document *document) { return document->error_span; }

extern "C" size_t dl_toml_node_count(const dl_toml_document *document) { return document->nodes.size(); }

extern "C" const dl_toml_node *dl_toml_nodes(const dl_toml_document *document) { return document->nodes.data(); }

extern "C" void dl_toml_free(dl_toml_document *document) { delete document; }
