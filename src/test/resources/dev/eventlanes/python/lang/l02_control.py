def f(xs):
    total = 0
    for i, x in enumerate(xs):
        if x < 0:
            continue
        if x > 100:
            break
        total += x
    else:
        print("no break")
    return total

print(f([1, 2, -3, 4]))
print(f([1, 200, 3]))
n = 0
while n < 5:
    n += 2
else:
    print("while else", n)

def g():
    for i in range(3):
        try:
            if i == 1:
                return "returned at " + str(i)
        finally:
            print("finally", i)

print(g())

def h():
    try:
        1 / 0
    except ZeroDivisionError as e:
        print("caught:", e)
        return "handled"
    else:
        return "else"
    finally:
        print("cleanup")

print(h())
try:
    try:
        [][1]
    except KeyError:
        print("wrong")
    finally:
        print("inner finally")
except IndexError as e:
    print("outer:", repr(e))

try:
    raise ValueError("bad value")
except (TypeError, ValueError) as e:
    print(type(e).__name__, e.args)

def nested():
    try:
        raise RuntimeError("first")
    except RuntimeError:
        try:
            raise KeyError("second")
        except KeyError as k:
            print("inner", k)
        raise
try:
    nested()
except RuntimeError as r:
    print("reraised", r)

for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("fin", i)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2)
x = 5
print("big" if x > 3 else "small", not x, x and 0, x or 0)
assert x == 5, "x must be 5"
try:
    assert x == 6, f"x is {x}"
except AssertionError as e:
    print("assert:", e)
