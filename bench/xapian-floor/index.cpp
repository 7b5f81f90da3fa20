// xapian-floor-index DB < documents.jsonl
//
// The floor for any Xapian-based engine: each JSONL line {id, lang, title, text} becomes one
// document indexed with Xapian::TermGenerator (its default STEM_SOME: unstemmed terms with
// positions plus Z-prefixed stems without positions), using the Snowball stemmer of the document's
// language (hu, de, lt, en, ru; anything else unstemmed). Boolean terms L<lang> and Q<id>; the
// document data is the id. replace_document on Q<id>, like xling (an id indexed again replaces).
// No ICU, no language identification, no stopwords, no aliases, no stored text.
#include <xapian.h>

#include <chrono>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: xapian-floor-index DB < documents.jsonl\n";
        return 2;
    }
    const std::map<std::string, std::string> stemmer_names = {
        {"hu", "hungarian"}, {"de", "german"}, {"lt", "lithuanian"}, {"en", "english"}, {"ru", "russian"}};
    std::map<std::string, Xapian::Stem> stemmers;
    for (const auto& [code, name] : stemmer_names) stemmers.emplace(code, Xapian::Stem(name));
    const Xapian::Stem no_stem;
    try {
        Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator tg;
        std::size_t docs = 0, bad = 0;
        const auto start = std::chrono::steady_clock::now();
        for (std::string line; std::getline(std::cin, line);) {
            if (line.empty()) continue;
            const auto rec = nlohmann::json::parse(line, nullptr, false);
            if (rec.is_discarded() || !rec.contains("id") || !rec.contains("text")) {
                ++bad;
                continue;
            }
            const std::string id = rec["id"].get<std::string>();
            const std::string lang = rec.value("lang", "");
            const auto st = stemmers.find(lang);
            tg.set_stemmer(st == stemmers.end() ? no_stem : st->second);
            Xapian::Document doc;
            tg.set_document(doc);
            tg.index_text(rec.value("title", ""));
            tg.increase_termpos();
            tg.index_text(rec["text"].get<std::string>());
            doc.add_boolean_term("L" + lang);
            const std::string idterm = "Q" + id;
            doc.add_boolean_term(idterm);
            doc.set_data(id);
            db.replace_document(idterm, doc);
            ++docs;
        }
        db.commit();
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cerr << "xapian-floor-index: " << docs << " documents in " << s << " s";
        if (bad) std::cerr << " (" << bad << " bad lines skipped)";
        std::cerr << '\n';
        return docs ? 0 : 1;
    } catch (const Xapian::Error& e) {
        std::cerr << "xapian-floor-index: " << e.get_description() << '\n';
        return 2;
    }
}
