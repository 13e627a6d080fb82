import unittest

from iniconf.parser import parse


class TestComments(unittest.TestCase):
    def test_indented_comment_lines(self):
        text = "[server]\n    ; the port we listen on\nport = 80\n\t# tabs too\nhost = h\n"
        self.assertEqual(parse(text), {"server": {"port": "80", "host": "h"}})

    def test_inline_comments_need_whitespace(self):
        text = "[a]\nport = 80   ; default\nurl = http://x/#frag\nq = a;b # why\n"
        self.assertEqual(parse(text)["a"], {"port": "80", "url": "http://x/#frag", "q": "a;b"})


class TestContinuation(unittest.TestCase):
    def test_indented_lines_continue_the_value(self):
        text = "[deploy]\nhosts = web1\n    web2\n\tweb3  ; spare\nmode = fast\n"
        self.assertEqual(parse(text)["deploy"], {"hosts": "web1\nweb2\nweb3", "mode": "fast"})

    def test_value_may_start_on_the_next_line(self):
        self.assertEqual(parse("[a]\nlist =\n  x\n  y\n")["a"]["list"], "x\ny")

    def test_blank_line_ends_a_value(self):
        from iniconf.errors import ConfigSyntaxError
        with self.assertRaisesRegex(ConfigSyntaxError, "line 4"):
            parse("[a]\nk = 1\n\n  orphan\n")
