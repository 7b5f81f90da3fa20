// A document's stored record as the JSON object the tests compare against (the record itself
// is binary since schema 5: indexer/stored_record.hpp).
#pragma once

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "searcher/stored_fields.hpp"

namespace xling::test {

inline nlohmann::json stored_json(const Xapian::Document& doc) {
    const auto d = xling::searcher::decode_stored(doc, xling::searcher::StoredParts::FieldsAndText);
    nlohmann::json out = {{"id", d.id}, {"title", d.title}, {"lang", d.lang}, {"text", d.text}};
    if (!d.date.empty()) out["date"] = d.date;
    if (!d.url.empty()) out["url"] = d.url;
    if (!d.source.empty()) out["source"] = d.source;
    if (!d.author.empty()) out["author"] = d.author;
    return out;
}

}  // namespace xling::test
