// The ballot's running total: a basket shows the sum against the budget and refuses (greys
// out, explains) what would go over; approval with at most k stops at k. The server checks
// the same rules again: this is only so nobody has to submit to find out.
(function () {
  const form = document.getElementById("ballot");
  if (!form) return;
  const budget = Number(form.dataset.budget);
  const basket = form.dataset.basket === "1";
  const most = Number(form.dataset.max);
  const boxes = Array.from(form.querySelectorAll('input[name="approve"]'));
  const over = document.getElementById("over");
  const money = (n) => n.toLocaleString("en-US");

  function refresh(changed) {
    let sum = boxes.filter((b) => b.checked).reduce((s, b) => s + Number(b.dataset.cost), 0);
    let count = boxes.filter((b) => b.checked).length;
    over.hidden = true;
    if (changed && changed.checked && basket && sum > budget) {
      changed.checked = false;
      sum -= Number(changed.dataset.cost);
      count -= 1;
      over.textContent = "放不下：加上這一項會超過預算 NT$ " + money(budget) + "。請先拿掉其他提案。";
      over.hidden = false;
    }
    if (changed && changed.checked && most && count > most) {
      changed.checked = false;
      count -= 1;
      over.textContent = "最多只能選 " + most + " 項。請先取消其他提案。";
      over.hidden = false;
    }
    const sumEl = document.getElementById("sum");
    if (sumEl) sumEl.textContent = money(sum);
    const countEl = document.getElementById("count");
    if (countEl) countEl.textContent = String(count);
    for (const b of boxes) {
      const wouldOver = basket && !b.checked && sum + Number(b.dataset.cost) > budget;
      const full = most && !b.checked && count >= most;
      b.closest("label").classList.toggle("unfit", Boolean(wouldOver || full));
    }
    document.getElementById("submit").disabled = count === 0;
  }
  boxes.forEach((b) => b.addEventListener("change", () => refresh(b)));
  refresh(null);
})();
