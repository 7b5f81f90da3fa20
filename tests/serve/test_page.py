#!/usr/bin/python3
"""The search page in a real browser: headless Chromium driven by Selenium (Debian chromium,
chromium-driver, python3-selenium) against the real xling-serve on the sample corpus plus a few
documents of its own. Types a query, sees results from several languages with highlights, clicks
a language facet, goes back, opens explain, pages forward, opens a document, and checks that a
document holding <script> and HTML renders as text. Saves screenshots (desktop and phone width)
into --artefacts. Exits 77 (skipped) when the browser, its driver or Selenium is missing."""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77


def skip(reason):
    print("serve-page: skipped: " + reason)
    sys.exit(SKIP)


def extra_documents():
    """Putin in four languages, enough for two pages, and one hostile document."""
    docs = []
    texts = {
        "en": "President Putin met the delegation in Moscow on {d} to discuss grain exports.",
        "de": "Präsident Putin traf die Delegation am {d} in Moskau, um über Getreideexporte zu sprechen.",
        "hu": "Putyin elnök {d}-án Moszkvában fogadta a küldöttséget a gabonaexportról.",
        "lt": "Prezidentas Putinas {d} Maskvoje susitiko su delegacija aptarti grūdų eksporto.",
    }
    for i in range(12):
        lang = ["en", "de", "hu", "lt"][i % 4]
        day = "2024-10-%02d" % (i + 1)
        docs.append({"id": "page-%02d" % i, "lang": lang, "date": day, "source": "Page Wire",
                     "title": "Delegation %d (%s)" % (i, lang), "text": texts[lang].format(d=day)})
    docs.append({"id": "hostile-1", "lang": "en", "date": "2024-11-02", "source": "Page Wire",
                 "title": "<img src=x onerror=\"window.pwned=1\"> Putin hostile title",
                 "text": "Putin said <script>window.pwned=1</script> and <b>bold</b> &amp; more."})
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)


def start_server(args, db, log_path):
    log = open(log_path, "w+")
    proc = subprocess.Popen([args.serve, "--db", db, "--listen", "127.0.0.1:0"],
                            stdout=subprocess.DEVNULL, stderr=log, stdin=subprocess.DEVNULL)
    deadline = time.time() + 30
    while time.time() < deadline:
        log.seek(0)
        m = re.search(r"listening on (http://127\.0\.0\.1:\d+/)", log.read())
        if m:
            return proc, m.group(1)
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    proc.kill()
    log.seek(0)
    raise SystemExit("serve-page: xling-serve did not start: " + log.read())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--serve", required=True)
    parser.add_argument("--index", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--artefacts", required=True)
    args = parser.parse_args()

    chromium = shutil.which("chromium")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        skip("chromium or chromedriver not installed (scripts/bootstrap installs them)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        from selenium.webdriver.support import expected_conditions as EC
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        skip("python3-selenium not installed")

    work = tempfile.mkdtemp(prefix="xling-page-")
    server = None
    driver = None
    try:
        extra = os.path.join(work, "extra.jsonl")
        with open(extra, "w", encoding="utf-8") as f:
            f.write(extra_documents())
        db = os.path.join(work, "db")
        subprocess.run([args.index, "-q", "--db", db, os.path.join(args.source, "examples", "corpus"), extra], check=True)
        server, url = start_server(args, db, os.path.join(work, "serve.log"))

        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1000", "--lang=en"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        try:
            driver = webdriver.Chrome(service=Service(driver_path), options=options)
        except Exception as e:  # a browser that cannot start here (no display libraries...) is a skip
            skip("chromium did not start: " + str(e).splitlines()[0])
        wait = WebDriverWait(driver, 20)

        def hits():
            return driver.find_elements(By.CSS_SELECTOR, "#hits li.hit")

        # Read in one script call: the list is re-rendered while the test waits on it.
        def hit_langs():
            return driver.execute_script("return [...document.querySelectorAll('#hits li.hit')].map(e => e.lang)")

        def hit_texts():
            return driver.execute_script("return [...document.querySelectorAll('#hits li.hit')].map(e => e.textContent)")

        def wait_url(part):
            wait.until(lambda d: part in d.current_url)

        def wait_results():
            wait.until(lambda d: d.find_element(By.ID, "results-view").is_displayed() and len(hit_texts()) > 0)

        # Type a query with the keyboard alone: "/" focuses the box, Enter searches.
        driver.get(url)
        wait.until(EC.visibility_of_element_located((By.ID, "intro")))
        wait.until(lambda d: "documents indexed" in d.find_element(By.ID, "index-info").text)
        driver.find_element(By.TAG_NAME, "body").send_keys("/")
        assert driver.switch_to.active_element.get_attribute("id") == "q", "/ does not focus the query box"
        driver.switch_to.active_element.send_keys("Putin", Keys.ENTER)
        wait_url("q=Putin")
        wait_results()
        langs = set(hit_langs())
        assert len(langs) >= 3, "results from several languages expected, got %s" % langs
        marks = driver.find_elements(By.CSS_SELECTOR, "#hits .snippet mark")
        assert len(marks) >= len(hits()), "every snippet highlights its match"
        assert any(m.text in ("Putin", "Putyin", "Putinas", "Путин", "Путина") or m.text.startswith("Put") for m in marks)
        assert "match" in driver.find_element(By.ID, "status").text
        driver.save_screenshot(os.path.join(args.artefacts, "serve-page-results.png"))

        # The hostile title is text, not an element.
        assert not driver.find_elements(By.CSS_SELECTOR, "#hits img"), "a title became HTML"
        assert driver.execute_script("return window.pwned") is None

        # A language facet filters on click; the back button returns to the unfiltered results.
        facet = driver.find_element(By.CSS_SELECTOR, '#facets [data-facet="lang"] button[data-value="de"]')
        facet.click()
        wait_url("lang=de")
        wait.until(lambda d: set(hit_langs()) == {"de"})
        pressed = driver.find_element(By.CSS_SELECTOR, '#facets [data-facet="lang"] button[data-value="de"]')
        assert pressed.get_attribute("aria-pressed") == "true"
        driver.back()
        wait.until(lambda d: "lang=de" not in d.current_url)
        wait.until(lambda d: len(set(hit_langs())) >= 3)

        # Explain: how the word expanded, and per hit the forms that matched.
        driver.find_element(By.CSS_SELECTOR, "#explain summary").click()
        wait.until(lambda d: d.find_element(By.ID, "explain-body").is_displayed())
        body = driver.find_element(By.ID, "explain-body").text
        # An entity expands through its names per language (not through every language's stemmer).
        assert "Putin" in body and "names ru" in body and "Путин" in body, body
        matched = driver.find_elements(By.CSS_SELECTOR, "#hits .matched")
        assert matched and matched[0].is_displayed() and "matched" in matched[0].text

        # Page forward.
        first_page = hit_texts()
        driver.find_element(By.ID, "next").click()
        wait_url("page=2")
        wait.until(lambda d: len(hit_texts()) > 0 and hit_texts() != first_page)
        assert driver.find_element(By.ID, "hits").get_attribute("start") == "11"

        # Open a document: its whole text, with the query highlighted.
        link = hits()[0].find_element(By.CSS_SELECTOR, "h2 a")
        link.click()
        wait_url("doc=")
        wait.until(EC.visibility_of_element_located((By.ID, "doc-view")))
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#doc-text mark"))
        driver.find_element(By.ID, "back").click()
        wait.until(lambda d: "doc=" not in d.current_url)
        wait_results()

        # The hostile document: its <script> and markup are shown as text and never run.
        driver.get(url + "?q=Putin&doc=hostile-1")
        wait.until(EC.visibility_of_element_located((By.ID, "doc-view")))
        wait.until(lambda d: "<script>" in d.find_element(By.ID, "doc-text").text)
        text = driver.find_element(By.ID, "doc-text").text
        assert "<script>window.pwned=1</script>" in text and "<b>bold</b>" in text, text
        assert "<img" in driver.find_element(By.ID, "doc-title").text
        assert not driver.find_elements(By.CSS_SELECTOR, "#doc-view script, #doc-view img, #doc-view b")
        assert driver.execute_script("return window.pwned") is None
        driver.find_element(By.CSS_SELECTOR, "#doc-text mark")  # highlighted too

        # Readable on a phone: nothing wider than the screen.
        driver.set_window_size(390, 844)
        driver.get(url + "?q=Putin")
        wait_results()
        overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, "page wider than a phone screen by %d px" % overflow
        driver.save_screenshot(os.path.join(args.artefacts, "serve-page-phone.png"))

        # Nothing blocked or failed in the console (a CSP violation or a script error would show here).
        problems = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert not problems, problems
        print("serve-page: ok; screenshots in " + args.artefacts)
        return 0
    finally:
        if driver is not None:
            driver.quit()
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
