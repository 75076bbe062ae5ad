print(0.1 + 0.2, 2.0, 1e16, 1e-5, 1/3, -0.0, 10 ** 20, 2 ** 0.5)
print(7 // -2, -7 % 3, 7.5 % -2, divmod(-7, 2), round(2.5), round(3.5), round(0.125, 2))
print(True + 1, None, [1, 'a', None, 2.5], (1,), (), {'a': 1, 2: [3]})
print(str(1.0), repr("it's"), repr('say "hi"'), 'tab\there')
xs = [5, 3, 8, 1]
print(xs[1:3], xs[::-1], xs[-1], xs[-2:], sorted(xs, reverse=True), len(xs))
xs.append(9); xs.extend([0, 0]); xs.insert(0, 7)
print(xs, xs.pop(), xs.pop(0), xs.count(0), xs.index(8))
xs.remove(0)
print(xs, min(xs), max(xs), sum(xs), any(x > 8 for x in xs), all(x > 0 for x in xs))
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, d.get("z"), d.get("z", 0), list(d.keys()), list(d.values()), d.pop("b"), d)
for k, v in d.items():
    print(k, "=", v)
print({k: v * 2 for k, v in d.items() if v > 1}, [x * x for x in range(5) if x % 2 == 0])
s = "  Hello, World  "
print(s.strip(), s.upper(), s.lower(), s.strip().split(", "), "-".join(["a", "b", "c"]))
print(s.replace("l", "L"), s.strip().startswith("Hell"), s.endswith("  "), "a,b,,c".split(","))
a, (b, c) = 1, (2, 3)
first, rest = [1, [2, 3]]
print(a, b, c, first, rest)
print(list(zip([1, 2, 3], "ab")), list(enumerate("xy", start=1)), list(reversed([1, 2, 3])))
print(int("42") + int(3.9), float("1.5"), str(12) + "!", bool([]), bool("x"), abs(-3), isinstance(3, int), isinstance(True, int), isinstance(3.0, (int, str)))
x = "q"
print(f"{3.14159:.2f}|{42:5d}|{'hi':>6}|{'hi':<6}|{7:03d}|{1234567:,}|{0.25:.0%}|{x!r}|{x=}")
