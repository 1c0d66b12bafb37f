"""`fu --help` and `fu COMMAND --help`: short, each with an example at its foot, and each example a
command line fu accepts; `fu --version` prints the version CMakeLists.txt declares."""

import re
import shlex
import shutil
import unittest
from pathlib import Path

from fu_harness import FuSandbox

ROOT = Path(__file__).resolve().parent.parent.parent
# A help text longer than this no longer fits a terminal: it belongs in the man page.
MAX_LINES = 40


def commands(help_text):
    lines, inside = [], False
    for line in help_text.splitlines():
        if line.strip() == "Subcommands:":
            inside = True
        elif inside and line.startswith("  "):
            lines.append(line.split()[0])
        elif inside and line.strip():
            break
    return lines


def example(help_text):
    found = re.findall(r"^Examples?: (fu .*)$", help_text, flags=re.M)
    return found[-1].split("; ")[0].rstrip(".") if found else None


class Help(unittest.TestCase):
    def test_version(self):
        sandbox = FuSandbox(self)
        version = re.search(r"project\(fu VERSION (\S+)", (ROOT / "CMakeLists.txt").read_text()).group(1)
        self.assertEqual(sandbox.ok("--version", globals_=False), f"fu {version}\n")
        self.assertEqual(sandbox.ok("--version", "due", globals_=False), f"fu {version}\n")

    def test_every_help_is_short_with_an_example_fu_accepts(self):
        sandbox = FuSandbox(self)
        top = sandbox.ok("--help", globals_=False)
        self.assertIsNotNone(example(top), "fu --help has no example")
        names = commands(top)
        self.assertIn("completion", names)
        self.assertNotIn("__complete", names)
        sandbox.ok("demo")
        shutil.copy(ROOT / "tests" / "data" / "fu-contacts.csv", sandbox.root / "contacts.csv")  # import's
        for name in names:
            with self.subTest(command=name):
                text = sandbox.ok(name, "--help", globals_=False)
                self.assertLessEqual(len(text.splitlines()), MAX_LINES, f"fu {name} --help is too long")
                line = example(text)
                self.assertIsNotNone(line, f"fu {name} --help has no example")
                words = shlex.split(line.split(" | ")[0].split(" > ")[0])[1:]
                self.assertEqual(words[0 if words[0] != "--db" else 2], name, line)
                if words[0] == "--db":
                    words = words[2:]  # the test's own database, not the one in the example
                # demo refuses a database with contacts: its example gets a fresh one
                r = sandbox.run(*words, db=sandbox.root / "fresh.db" if name == "demo" else None)
                self.assertNotEqual(r.status, 2, f"the example of fu {name} --help is refused:\n{r}")


if __name__ == "__main__":
    unittest.main()
