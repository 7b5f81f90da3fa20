// xapian-floor-query DB [QUERY...]
// xapian-floor-query --count DB        prints the number of documents
//
// Without QUERY: reads queries one per line on stdin (the database opened once) and prints one
// line per query: <estimated matches> TAB <id> TAB <id> ... (top 10, BM25). With QUERY: that one
// query. The query is parsed once per document language with Xapian::QueryParser (that
// language's stemmer, default operator AND, phrases, `lang:` as boolean prefix L) and restricted
// to that language's documents. The query is lowercased first and parsed with STEM_SOME: every
// bare word then becomes its Z-prefixed stem (STEM_SOME leaves capitalised words unstemmed), and
// phrase words stay unstemmed, matching the positional raw terms the indexer writes (STEM_ALL_Z
// would stem phrase words too, and Z terms carry no positions, so phrases would never match):
// OR over languages of (parsed_l FILTER L<l>) — each stem only meets documents of its language,
// as in xling. get_mset(0, 10, 1000): the same check_at_least as xling's searcher.
#include <xapian.h>

#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

const std::map<std::string, std::string> kStemmers = {
    {"hu", "hungarian"}, {"de", "german"}, {"lt", "lithuanian"}, {"en", "english"}, {"ru", "russian"}};

struct Lang {
    std::string code;
    Xapian::QueryParser parser;
};

// lang:hu,de -> lang:hu lang:de (QueryParser ORs filters of one prefix).
std::string split_lang_lists(const std::string& q) {
    std::string out;
    std::size_t i = 0;
    while (i < q.size()) {
        if (q.compare(i, 5, "lang:") == 0 && (i == 0 || q[i - 1] == ' ' || q[i - 1] == '(')) {
            std::size_t end = q.find_first_of(" )", i);
            if (end == std::string::npos) end = q.size();
            std::string list = q.substr(i + 5, end - i - 5);
            std::size_t pos = 0;
            bool first = true;
            while (pos <= list.size()) {
                std::size_t comma = list.find(',', pos);
                if (comma == std::string::npos) comma = list.size();
                out += (first ? "" : " ") + std::string("lang:") + list.substr(pos, comma - pos);
                first = false;
                pos = comma + 1;
            }
            i = end;
        } else {
            out += q[i++];
        }
    }
    return out;
}

void run(Xapian::Database& db, std::vector<Lang>& langs, const std::string& text) {
    const std::string q = split_lang_lists(Xapian::Unicode::tolower(text));
    std::vector<Xapian::Query> parts;
    for (auto& l : langs) {
        Xapian::Query parsed = l.parser.parse_query(q, Xapian::QueryParser::FLAG_DEFAULT);
        parts.emplace_back(Xapian::Query::OP_FILTER, parsed, Xapian::Query("L" + l.code));
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
    Xapian::MSet mset = enquire.get_mset(0, 10, 1000);
    std::string line = std::to_string(mset.get_matches_estimated());
    for (auto it = mset.begin(); it != mset.end(); ++it) line += '\t' + it.get_document().get_data();
    std::cout << line << '\n' << std::flush;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: xapian-floor-query DB [QUERY...] | --count DB\n";
        return 2;
    }
    try {
        if (std::string(argv[1]) == "--count") {
            if (argc != 3) return 2;
            std::cout << Xapian::Database(argv[2]).get_doccount() << '\n';
            return 0;
        }
        Xapian::Database db(argv[1]);
        std::vector<Lang> langs;
        for (auto t = db.allterms_begin("L"); t != db.allterms_end("L"); ++t) {
            const std::string code = (*t).substr(1);
            Lang l{code, Xapian::QueryParser()};
            const auto st = kStemmers.find(code);
            if (st != kStemmers.end()) {
                l.parser.set_stemmer(Xapian::Stem(st->second));
                l.parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
            }
            l.parser.set_default_op(Xapian::Query::OP_AND);
            l.parser.add_boolean_prefix("lang", "L");
            l.parser.set_database(db);
            langs.push_back(std::move(l));
        }
        if (argc > 2) {
            std::string q;
            for (int i = 2; i < argc; ++i) q += (i > 2 ? " " : "") + std::string(argv[i]);
            run(db, langs, q);
            return 0;
        }
        for (std::string line; std::getline(std::cin, line);) {
            if (line.empty()) continue;
            try {
                run(db, langs, line);
            } catch (const Xapian::QueryParserError& e) {
                std::cout << "ERROR\t" << e.get_description() << '\n' << std::flush;
            }
        }
        return 0;
    } catch (const Xapian::Error& e) {
        std::cerr << "xapian-floor-query: " << e.get_description() << '\n';
        return 2;
    }
}
