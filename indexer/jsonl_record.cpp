#include "indexer/jsonl_record.hpp"

#include <array>
#include <nlohmann/json.hpp>
#include <optional>

namespace xling::indexer {
namespace {
using nlohmann::json;

// The fields a record may set, in the order their errors are reported.
constexpr std::array<const char*, 8> kFields = {"id", "text", "title", "lang", "date", "url", "source", "author"};
constexpr std::size_t kId = 0, kText = 1;

// What one known key held.
struct FieldValue {
    bool present = false;    // a string or an integer (null counts as absent)
    bool wrong_type = false; // a float, boolean, array or object
    std::string text;
};

// The message of a nlohmann exception without its "[json.exception.parse_error.101] " tag.
std::string message_of(const json::exception& e) {
    const std::string what = e.what();
    const auto tag_end = what.find("] ");
    return tag_end == std::string::npos ? what : what.substr(tag_end + 2);
}

// Reads a record as SAX events, keeping only the known top-level fields: the values of other keys
// are skipped as they stream by (a depth counter, no tree), so a record costs memory in proportion
// to its fields, not to its nesting (a 32 MiB line of "[[[[" would otherwise build 32M arrays).
// Every problem (broken syntax, a number no double holds) ends the parse with a message, never an
// exception: one bad line is one notice.
class RecordReader final : public json::json_sax_t {
  public:
    std::array<FieldValue, kFields.size()> fields;
    std::optional<std::string> error;

    bool null() override { return scalar([](FieldValue& f) { f.present = false; f.text.clear(); }); }
    bool boolean(bool /*value*/) override { return scalar(wrong_type); }
    bool number_integer(number_integer_t value) override { return integer(std::to_string(value)); }
    bool number_unsigned(number_unsigned_t value) override { return integer(std::to_string(value)); }
    bool number_float(number_float_t /*value*/, const string_t& /*text*/) override { return scalar(wrong_type); }
    bool string(string_t& value) override {
        return scalar([&](FieldValue& f) {
            f = FieldValue{};
            f.present = true;
            f.text = std::move(value);
        });
    }
    bool binary(binary_t& /*value*/) override { return scalar(wrong_type); }
    bool start_object(std::size_t /*elements*/) override { return open(); }
    bool end_object() override { return close(); }
    bool start_array(std::size_t /*elements*/) override { return depth_ == 0 ? not_an_object() : open(); }
    bool end_array() override { return close(); }
    bool key(string_t& name) override {
        if (depth_ == 1) current_ = field_index(name);
        return true;
    }
    bool parse_error(std::size_t position, const std::string& /*last_token*/, const json::exception& e) override {
        std::string what = message_of(e);
        // Syntax errors carry "parse error at line 1, column N"; a number overflow carries no position.
        if (what.find("column") == std::string::npos) what += " at column " + std::to_string(position);
        error = (e.id >= 400 && e.id < 500 ? "unrepresentable JSON: " : "broken JSON: ") + what;
        return false;
    }

  private:
    static void wrong_type(FieldValue& f) {
        f = FieldValue{};
        f.wrong_type = true;
    }

    static std::optional<std::size_t> field_index(const std::string& name) {
        for (std::size_t i = 0; i < kFields.size(); ++i) {
            if (name == kFields[i]) return i;
        }
        return std::nullopt;
    }

    bool not_an_object() {
        error = "expected a JSON object";
        return false;
    }

    // A value of a known top-level key is stored; values elsewhere are ignored.
    template <typename Store>
    bool scalar(Store store) {
        if (depth_ == 0) return not_an_object();
        if (depth_ == 1 && current_) store(fields[*current_]);
        return true;
    }

    bool integer(std::string digits) {  // ids are often numeric: kept as their text
        return scalar([&](FieldValue& f) {
            f = FieldValue{};
            f.present = true;
            f.text = std::move(digits);
        });
    }

    // An array or object: as the value of a known key it is the wrong type; its content is skipped.
    bool open() {
        if (depth_ == 1 && current_) wrong_type(fields[*current_]);
        ++depth_;
        return true;
    }
    bool close() {
        --depth_;
        return true;
    }

    std::size_t depth_ = 0;              // 1 = inside the record's own object
    std::optional<std::size_t> current_; // the known key whose value comes next, at depth 1
};

}  // namespace

std::variant<SourceDocument, std::string> parse_jsonl_record(std::string_view line) {
    RecordReader reader;
    // Strict: trailing bytes after the object are an error. The SAX parser never throws: every
    // error reaches RecordReader::parse_error.
    const bool ok = json::sax_parse(line.begin(), line.end(), &reader, json::input_format_t::json, true);
    if (reader.error) return *reader.error;
    if (!ok) return std::string("broken JSON");
    for (std::size_t i = 0; i < kFields.size(); ++i) {
        const FieldValue& f = reader.fields[i];
        if (f.wrong_type) return std::string("field \"") + kFields[i] + "\" must be a string";
        if ((i == kId || i == kText) && (!f.present || f.text.empty())) {
            return std::string("missing required field \"") + kFields[i] + "\"";
        }
    }
    SourceDocument doc;
    std::array<std::string*, kFields.size()> out = {&doc.id,   &doc.text, &doc.title, &doc.lang,
                                                    &doc.date, &doc.url,  &doc.source, &doc.author};
    for (std::size_t i = 0; i < kFields.size(); ++i) *out[i] = std::move(reader.fields[i].text);
    return doc;
}

}  // namespace xling::indexer
