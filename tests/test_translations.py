# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The Danish catalogue is complete, consistent with the code and compiled; pages follow the language.

Danish is the users' default language; every string in the code is written in English and
translated in src/lokalkontakt/locale/da/LC_MESSAGES/django.po. When these tests fail after adding
strings, run in src/lokalkontakt:

    ../../.venv/bin/python ../../manage.py makemessages -l da -l en --no-obsolete -i "static/*"

translate the new entries in locale/da/LC_MESSAGES/django.po, then run
`../../.venv/bin/python ../../manage.py compilemessages`.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

PACKAGE_DIR = Path(__file__).resolve().parent.parent / "src" / "lokalkontakt"
LOCALE_DIR = PACKAGE_DIR / "locale"
DA_PO = LOCALE_DIR / "da" / "LC_MESSAGES" / "django.po"
DA_MO = LOCALE_DIR / "da" / "LC_MESSAGES" / "django.mo"
EN_PO = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"

# %(name)s, %(count)d, %(value).2f … (python-format); {{ name }} (template variables).
PERCENT_PLACEHOLDER = re.compile(r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]")
TEMPLATE_PLACEHOLDER = re.compile(r"\{\{\s*[^}]+?\s*\}\}")


def _entries(catalogue) -> list:
    return [entry for entry in catalogue if not entry.obsolete and entry.msgid]


def _describe(entry) -> str:
    return f"{entry.msgid!r} ({', '.join(f'{path}:{line}' for path, line in entry.occurrences[:2])})"


def _placeholders(text: str) -> set[str]:
    text = text.replace("%%", "")
    found = set(PERCENT_PLACEHOLDER.findall(text))
    found |= {re.sub(r"\s+", "", match) for match in TEMPLATE_PLACEHOLDER.findall(text)}
    return found


@pytest.fixture(scope="module")
def danish():
    return polib.pofile(str(DA_PO))


def test_danish_catalogue_has_proper_header(danish):
    assert danish.metadata.get("Language") == "da"
    assert "charset=UTF-8" in danish.metadata.get("Content-Type", "")
    assert danish.metadata.get("Plural-Forms", "").replace(" ", "") == "nplurals=2;plural=(n!=1);"
    assert not danish.metadata_is_fuzzy, "remove '#, fuzzy' from the header of the Danish .po"


def test_english_catalogue_is_not_fuzzy():
    english = polib.pofile(str(EN_PO))
    assert english.metadata.get("Language") == "en"
    assert not english.metadata_is_fuzzy, "remove '#, fuzzy' from the header of the English .po"


def test_every_danish_entry_is_translated_and_not_fuzzy(danish):
    entries = _entries(danish)
    assert entries, "the Danish catalogue is empty"
    untranslated = [_describe(e) for e in entries if not e.translated() and "fuzzy" not in e.flags]
    fuzzy = [_describe(e) for e in entries if "fuzzy" in e.flags]
    assert not untranslated, "untranslated Danish entries:\n" + "\n".join(untranslated)
    assert not fuzzy, "fuzzy Danish entries (check the translation, then remove the flag):\n" + "\n".join(
        fuzzy
    )


def test_danish_plural_entries_have_both_forms(danish):
    incomplete = [
        _describe(e)
        for e in _entries(danish)
        if e.msgid_plural and (set(e.msgstr_plural) != {0, 1} or not all(e.msgstr_plural.values()))
    ]
    assert not incomplete, "plural entries need msgstr[0] and msgstr[1]:\n" + "\n".join(incomplete)


def test_danish_translations_keep_every_placeholder(danish):
    problems = []
    for entry in _entries(danish):
        if entry.msgid_plural:
            pairs = [(entry.msgid, entry.msgstr_plural.get(0, ""))]
            pairs += [(entry.msgid_plural, text) for form, text in entry.msgstr_plural.items() if form]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for source, translated in pairs:
            expected, actual = _placeholders(source), _placeholders(translated)
            if expected != actual:
                problems.append(
                    f"{_describe(entry)}: expected {sorted(expected)}, "
                    f"found {sorted(actual)} in {translated!r}"
                )
    assert not problems, "placeholders differ between msgid and msgstr:\n" + "\n".join(problems)


def test_compiled_catalogue_matches_the_po(danish):
    """The .mo holds exactly the .po's translations (compare content: mtimes are unreliable in clones)."""
    assert DA_MO.exists(), "run `manage.py compilemessages` in src/lokalkontakt"
    compiled = polib.mofile(str(DA_MO))

    def table(catalogue):
        return {
            (e.msgctxt, e.msgid): (tuple(sorted(e.msgstr_plural.items())) if e.msgid_plural else e.msgstr)
            for e in _entries(catalogue)
            if "fuzzy" not in e.flags
        }

    po_table, mo_table = table(danish), table(compiled)
    missing = sorted(str(key[1]) for key in po_table.keys() - mo_table.keys())
    extra = sorted(str(key[1]) for key in mo_table.keys() - po_table.keys())
    changed = sorted(
        str(key[1]) for key in po_table.keys() & mo_table.keys() if po_table[key] != mo_table[key]
    )
    hint = "\nrun `manage.py compilemessages` in src/lokalkontakt"
    assert not missing, "in the .po but not in the .mo: " + repr(missing) + hint
    assert not extra, "in the .mo but not in the .po: " + repr(extra) + hint
    assert not changed, "translated differently in the .mo: " + repr(changed) + hint


def test_catalogue_is_up_to_date_with_the_code(tmp_path, danish):
    """Extract the strings afresh from a copy of the package and compare with the committed msgids."""
    for tool in ("xgettext", "msguniq", "msgmerge", "msgattrib"):
        if shutil.which(tool) is None:
            pytest.skip(f"GNU gettext is not installed ({tool} not found); cannot run makemessages")

    copy = tmp_path / "lokalkontakt"
    shutil.copytree(
        PACKAGE_DIR,
        copy,
        symlinks=True,
        ignore=shutil.ignore_patterns("static", "locale", "__pycache__", "*.pyc"),
    )
    (copy / "locale").mkdir()
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    # Without settings, makemessages writes to ./locale only, never to the real LOCALE_PATHS.
    result = subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "da", "--no-obsolete", "-i", "static/*"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"makemessages failed:\n{result.stdout}\n{result.stderr}"

    fresh = polib.pofile(str(copy / "locale" / "da" / "LC_MESSAGES" / "django.po"))

    def keys(catalogue):
        return {(e.msgctxt, e.msgid, e.msgid_plural) for e in _entries(catalogue)}

    new = sorted(msgid for _ctx, msgid, _plural in keys(fresh) - keys(danish))
    gone = sorted(msgid for _ctx, msgid, _plural in keys(danish) - keys(fresh))
    hint = (
        '\nrun `../../.venv/bin/python ../../manage.py makemessages -l da -l en --no-obsolete -i "static/*"` '
        "in src/lokalkontakt, translate, then compilemessages"
    )
    assert not new, "strings in the code missing from the Danish catalogue: " + repr(new) + hint
    assert not gone, "strings in the Danish catalogue no longer in the code: " + repr(gone) + hint


DANISH_HEADING = "Lokalområder og deres lokalkontakter"
ENGLISH_HEADING = "Local areas and their contacts"


@pytest.fixture
def _reset_language():
    yield
    translation.deactivate()


@pytest.mark.django_db
@pytest.mark.usefixtures("_reset_language")
def test_pages_are_danish_by_default(client):
    response = client.get("/omraader/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="da">' in html
    assert f"<h1>{DANISH_HEADING}</h1>" in html
    assert ENGLISH_HEADING not in html


@pytest.mark.django_db
@pytest.mark.usefixtures("_reset_language")
def test_language_cookie_selects_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get("/omraader/").content.decode()
    assert '<html lang="en">' in html
    assert f"<h1>{ENGLISH_HEADING}</h1>" in html
    assert DANISH_HEADING not in html


@pytest.mark.django_db
@pytest.mark.usefixtures("_reset_language")
def test_choosing_english_and_back_to_danish(client):
    response = client.post("/i18n/setsprog/", {"language": "en", "next": "/omraader/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    html = client.get("/omraader/").content.decode()
    assert f"<h1>{ENGLISH_HEADING}</h1>" in html

    client.post("/i18n/setsprog/", {"language": "da", "next": "/omraader/"})
    html = client.get("/omraader/").content.decode()
    assert f"<h1>{DANISH_HEADING}</h1>" in html
