"""Searches from several Python threads at once give the results a serial run gives.

The bindings release the GIL while searching and indexing; these tests check that doing so is
correct (no shared C++ Searcher is used by two threads at once, results are not mixed up), not how
fast it is: the machine is shared and timing tests are flaky by nature.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import xling

QUERIES = [
    "Rusija",
    '"Kim Jong Un"',
    "Putin OR Путин",
    "Getreide OR grūdai OR зерно OR gabona OR grain",
    "Zusammenarbeit",
    "Шойгу",
    "Belousov Pyongyang",
    "sankc*",
]


def snapshot(results):
    return [(hit.id, hit.score, hit.snippet, hit.matched_forms) for hit in results], results.total


def test_two_threads_sharing_one_searcher_get_the_serial_results(searcher):
    serial = {q: snapshot(searcher.search(q, limit=20, facets=True)) for q in QUERIES}
    barrier = threading.Barrier(2)

    def run(offset):
        barrier.wait()  # both threads start together
        got = {}
        for round_ in range(10):
            for i in range(len(QUERIES)):
                q = QUERIES[(i + offset + round_) % len(QUERIES)]
                got.setdefault(q, []).append(snapshot(searcher.search(q, limit=20, facets=True)))
        return got

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(run, [0, 3]))
    for got in outcomes:
        for q, runs in got.items():
            assert all(r == serial[q] for r in runs), q


def test_threads_with_their_own_searchers_sharing_resources(corpus_db):
    resources = xling.Resources()
    serial = {q: snapshot(xling.Searcher(corpus_db, resources=resources).search(q)) for q in QUERIES}

    def run(q):
        with xling.Searcher(corpus_db, resources=resources) as own:
            return q, snapshot(own.search(q))

    with ThreadPoolExecutor(max_workers=4) as pool:
        for q, got in pool.map(run, QUERIES * 3):
            assert got == serial[q]


def test_a_thread_indexes_while_others_search(tmp_path):
    db = tmp_path / "db"
    indexer = xling.Indexer(db)
    indexer.add("seed", "Getreide Nummer seed.", lang="de")
    indexer.commit()
    searcher = xling.Searcher(db)
    seen = []
    done = threading.Event()

    def index():
        for number in range(200):
            indexer.add(f"d{number}", f"Getreide Nummer {number}.", lang="de")
            if number % 50 == 49:
                indexer.commit()
        done.set()

    def search():
        while not done.is_set():
            results = searcher.search("Getreide", limit=1000, snippet_length=0)
            seen.append(results.total)
            assert results.total == len(results)  # a consistent snapshot: every committed batch, whole

    writer = threading.Thread(target=index)
    readers = [threading.Thread(target=search) for _ in range(2)]
    for t in [writer, *readers]:
        t.start()
    for t in [writer, *readers]:
        t.join()
    indexer.close()
    assert all(total in {1, 51, 101, 151, 201} for total in seen)
    assert searcher.search("Getreide", limit=1000).total == 201


def test_analysis_from_several_threads(tmp_path):
    analyzer = xling.Analyzer()
    texts = [("Die Zusammenarbeit mit Moskau", "de"), ("Rusijos prezidentas Vladimiras Putinas", "lt")] * 20
    serial = [[w.stem for w in analyzer.analyze(t, lang)] for t, lang in texts]
    with ThreadPoolExecutor(max_workers=2) as pool:
        parallel = list(pool.map(lambda tl: [w.stem for w in analyzer.analyze(*tl)], texts))
    assert parallel == serial
