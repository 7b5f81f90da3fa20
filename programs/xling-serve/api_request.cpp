#include "programs/xling-serve/api_request.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "programs/common/cli.hpp"
#include "programs/xling-serve/api_error.hpp"

namespace xling::cli {
namespace {

const std::set<std::string>& known_fields() {
    static const std::set<std::string> fields = {"q",       "lang",   "since",   "until", "sort",      "limit",
                                                 "offset",  "facets", "explain", "op",    "translate", "query_lang"};
    return fields;
}

std::string field_list() {
    std::string out;
    for (const auto& f : known_fields()) out += (out.empty() ? "" : ", ") + f;
    return out;
}

[[noreturn]] void bad(const std::string& message) { throw ApiError(400, message); }

// A field's value: text from a query string, or a JSON value from a body.
using Fields = std::map<std::string, nlohmann::json>;

std::optional<nlohmann::json> take(const Fields& fields, const std::string& name) {
    const auto it = fields.find(name);
    if (it == fields.end()) return std::nullopt;
    return it->second;
}

std::string text_field(const Fields& fields, const std::string& name) {
    const auto value = take(fields, name);
    if (!value) return "";
    if (!value->is_string()) bad("'" + name + "' must be a string");
    return value->get<std::string>();
}

std::size_t count_field(const Fields& fields, const std::string& name, std::size_t fallback, std::size_t max) {
    const auto value = take(fields, name);
    if (!value) return fallback;
    std::size_t n = 0;
    if (value->is_number_unsigned()) {
        n = value->get<std::size_t>();
    } else if (value->is_string()) {
        const std::string text = value->get<std::string>();
        const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits) bad("'" + name + "' must be a whole number (0, 1, 2, ...)");
        // More digits than a size_t holds is over any bound anyway.
        n = text.size() > 18 ? max + 1 : std::stoull(text);
    } else {
        bad("'" + name + "' must be a whole number (0, 1, 2, ...)");
    }
    if (n > max) bad("'" + name + "' is at most " + std::to_string(max));
    return n;
}

bool flag_field(const Fields& fields, const std::string& name, bool fallback) {
    const auto value = take(fields, name);
    if (!value) return fallback;
    if (value->is_boolean()) return value->get<bool>();
    if (value->is_string()) {
        const std::string text = value->get<std::string>();
        if (text == "1" || text == "true") return true;
        if (text == "0" || text == "false") return false;
    }
    if (value->is_number_unsigned() && value->get<std::size_t>() <= 1) return value->get<std::size_t>() == 1;
    bad("'" + name + "' must be 1, 0, true or false");
}

std::vector<std::string> list_field(const Fields& fields, const std::string& name) {
    const auto value = take(fields, name);
    if (!value) return {};
    if (value->is_string()) return split_list(value->get<std::string>());
    if (!value->is_array()) bad("'" + name + "' must be a string or an array of strings");
    std::vector<std::string> out;
    for (const auto& item : *value) {
        if (!item.is_string()) bad("'" + name + "' must be a string or an array of strings");
        out.push_back(item.get<std::string>());
    }
    return out;
}

ApiSearch to_search(const Fields& fields, const RequestBounds& bounds) {
    for (const auto& [name, value] : fields) {
        if (known_fields().count(name) == 0) bad("unknown parameter '" + name.substr(0, 64) + "' (known: " + field_list() + ")");
    }
    ApiSearch out;
    SearchRequest& r = out.request;
    if (!take(fields, "q")) bad("'q' is required: the query");
    r.query = text_field(fields, "q");
    r.languages = list_field(fields, "lang");
    r.since = text_field(fields, "since");
    r.until = text_field(fields, "until");
    const std::string sort = take(fields, "sort") ? text_field(fields, "sort") : "relevance";
    if (sort == "relevance") r.sort = SortOrder::Relevance;
    else if (sort == "date") r.sort = SortOrder::DateAscending;
    else if (sort == "-date") r.sort = SortOrder::DateDescending;
    else bad("'sort' must be relevance, date or -date");
    r.limit = count_field(fields, "limit", std::min<std::size_t>(10, bounds.max_limit), bounds.max_limit);
    r.offset = count_field(fields, "offset", 0, bounds.max_offset);
    r.facets = flag_field(fields, "facets", false);
    out.explain = flag_field(fields, "explain", false);
    const std::string op = take(fields, "op") ? text_field(fields, "op") : "and";
    if (op != "and" && op != "or") bad("'op' must be and or or");
    r.default_operator = op == "or" ? DefaultOperator::Or : DefaultOperator::And;
    r.translation.enabled = flag_field(fields, "translate", true);
    r.translation.query_language = text_field(fields, "query_lang");
    r.limits = bounds.query;
    r.snippet.highlight_open = kHighlightOpen;
    r.snippet.highlight_close = kHighlightClose;
    return out;
}

}  // namespace

ApiSearch search_from_params(const std::multimap<std::string, std::string>& params, const RequestBounds& bounds) {
    Fields fields;
    for (const auto& [name, value] : params) {
        if (!fields.emplace(name, value).second) bad("parameter '" + name.substr(0, 64) + "' given more than once");
    }
    return to_search(fields, bounds);
}

ApiSearch search_from_json(const std::string& body, const RequestBounds& bounds) {
    nlohmann::json parsed;
    try {
        parsed = nlohmann::json::parse(body);
    } catch (const nlohmann::json::parse_error& e) {
        bad("request body is not JSON (at byte " + std::to_string(e.byte) + ")");
    }
    if (!parsed.is_object()) bad("request body must be a JSON object");
    Fields fields;
    for (const auto& [name, value] : parsed.items()) fields.emplace(name, value);
    return to_search(fields, bounds);
}

}  // namespace xling::cli
