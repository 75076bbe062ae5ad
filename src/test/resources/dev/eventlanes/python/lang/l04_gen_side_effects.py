def noisy(x):
    print("eval", x)
    return x > 1

print(any(noisy(x) for x in [0, 2, 5]))
print(all(noisy(x) for x in [3, 0, 9]))
print(sum(x * 2 for x in range(4)))
g = (x for x in [1, 2])
print(next(g), next(g), next(g, "done"))
print(sorted(["bb", "a", "ccc"], key=len), max(["bb", "a"], key=lambda s: len(s)))
print(dict(zip("ab", [1, 2])), list(range(10, 0, -3)), list(map(str, [1, 2])))
words = "the quick brown fox".split()
print({w: len(w) for w in words}, [w.upper() for w in words if len(w) > 3])
matrix = [[i * j for j in range(3)] for i in range(3)]
print(matrix, [x for row in matrix for x in row if x])
